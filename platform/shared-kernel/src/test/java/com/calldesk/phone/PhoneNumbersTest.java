package com.calldesk.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.calldesk.problem.DomainException;

class PhoneNumbersTest {

	@ParameterizedTest
	@ValueSource(strings = { "13800138000", "+86 138-0013-8000", "8613800138000", "013800138000", "138 0013 8000" })
	void everyCarrierFormOfAMobileNormalizesToOneE164(String raw) {
		PhoneNumber number = PhoneNumbers.parse(raw).orElseThrow();
		assertThat(number.e164()).isEqualTo("+8613800138000");
		assertThat(number.kind()).isEqualTo(PhoneNumber.Kind.MOBILE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "13800001111", "+8613800001111", "008613800001111", "8613800001111", "013800001111" })
	void aMobileInAnyCarrierFormIsSpelledEveryWayARecordMayHoldIt(String raw) {
		assertThat(PhoneNumbers.spellings(raw)).contains("+8613800001111", "13800001111", "8613800001111", "008613800001111",
				"013800001111", raw);
	}

	@Test
	void aLandlineIsSpelledWithItsAreaCodeAndAnythingElseOnlyAsItself() {
		assertThat(PhoneNumbers.spellings("00861062345678")).containsExactlyInAnyOrder("00861062345678", "+861062345678",
				"861062345678", "01062345678");
		assertThat(PhoneNumbers.spellings("anonymous")).containsExactly("anonymous");
		assertThat(PhoneNumbers.spellings(null)).isEmpty();
	}

	@Test
	void onlyAValidNumberHasSpellingsOfANumber() {
		assertThat(PhoneNumbers.spellingsOfNumber("008613800001111")).isEqualTo(PhoneNumbers.spellings("008613800001111"));
		assertThat(PhoneNumbers.spellingsOfNumber("anonymous")).isEmpty();
		assertThat(PhoneNumbers.spellingsOfNumber("sipp")).isEmpty();
		assertThat(PhoneNumbers.spellingsOfNumber(null)).isEmpty();
	}

	@Test
	void landlineKeepsItsAreaCodeAndRegion() {
		PhoneNumber beijing = PhoneNumbers.parse("010-62345678").orElseThrow();
		assertThat(beijing.e164()).isEqualTo("+861062345678");
		assertThat(beijing.kind()).isEqualTo(PhoneNumber.Kind.LANDLINE);
		assertThat(beijing.regionZh()).contains("北京");
		assertThat(PhoneNumbers.parse("02158889999").orElseThrow().regionEn()).contains("Shanghai");
	}

	@Test
	void mobileRegionComesFromTheGeocoder() {
		assertThat(PhoneNumbers.parse("13910001000").orElseThrow().regionZh()).contains("北京");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "12345", "abc", "1380013800", "99999999999999999999999999999999999" })
	void invalidNumbersAreRejected(String raw) {
		assertThat(PhoneNumbers.parse(raw)).isEmpty();
		assertThatThrownBy(() -> PhoneNumbers.require(raw)).isInstanceOf(DomainException.class)
			.hasMessage("phone.invalid");
	}
}
