package com.calldesk.center;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.xml.parsers.SAXParserFactory;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.support.MiddayInChina;
import com.calldesk.support.Peers;
import com.calldesk.support.Provisioning;
import com.calldesk.support.Sessions;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

/**
 * The Excel export on the whole application: a hundred thousand calls written and read back, cell by
 * cell where it matters, across sheets; who may see an export; the limits. The sheets are made small
 * here ({@code sheet-rows}) so the rollover that a year of calls needs shows on a test's data.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:export-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.enabled=false", "calldesk.media.enabled=false", "calldesk.data-dir=target/export-it",
		"calldesk.center.exports.sheet-rows=" + CallExportIT.SHEET_ROWS })
@AutoConfigureMockMvc
@Import(MiddayInChina.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallExportIT {

	static final int SHEET_ROWS = 40_000;

	static final int CALLS = 100_000;

	/** The seeded quarter: every tenth call is missed, the rest answered, one a minute from its first day. */
	static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

	static final LocalDate LAST = LocalDate.of(2026, 3, 31);

	static final String CALLER = "13912345678";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TenantDirectory tenants;

	@Value("${calldesk.data-dir}")
	Path dataDir;

	private final ObjectMapper json = new ObjectMapper();

	private final Map<String, Instant> offered = new LinkedHashMap<>();

	@BeforeAll
	void seedAQuarterOfCalls() {
		TenantScope demo = tenants.activeByCode(CallCenterContract.DEMO).orElseThrow();
		Instant start = FIRST.atStartOfDay(MiddayInChina.CHINA).toInstant();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < CALLS + CALLS / 9; i++) {
			boolean answered = i % 10 != 9;
			Instant at = start.plusSeconds(60L * i);
			String id = UUID.randomUUID().toString();
			if (answered) {
				offered.put(id, at);
			}
			rows.add(new Object[] { id, "INBOUND", i % 2 == 0 ? CALLER : "0571" + String.format("%08d", i), "4001234567",
					i % 3 == 0 ? CallCenterContract.MY_SEAT : CallCenterContract.OTHER_SEAT, "ENDED", Timestamp.from(at),
					answered ? Timestamp.from(at.plusSeconds(5)) : null, Timestamp.from(at.plusSeconds(answered ? 65 : 20)), "CUSTOMER",
					answered ? "customer-hangup" : "abandoned", answered ? "IN_ANSWERED" : "IN_MISSED", answered ? 30 : 0 });
		}
		// one answered call the day before the range, which no export of the range may hold
		rows.add(new Object[] { UUID.randomUUID().toString(), "INBOUND", CALLER, "4001234567", CallCenterContract.MY_SEAT, "ENDED",
				Timestamp.from(start.minusSeconds(60)), Timestamp.from(start.minusSeconds(55)), Timestamp.from(start.plusSeconds(5)),
				"CUSTOMER", "customer-hangup", "IN_ANSWERED", 30 });
		TenantContext.run(demo, () -> jdbc.batchUpdate("INSERT INTO call_record (id, direction, customer_number, dialled_number, seat, state, "
				+ "offered_at, answered_at, ended_at, ended_by, end_reason, tab, cost_fen, node) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'export-it')",
				rows));
		assertThat(offered).hasSize(CALLS);
	}

	@Test
	void aHundredThousandCallsComeOutRowForRowInChineseAcrossSheets() throws Exception {
		MockHttpSession supervisor = supervisor();
		JsonNode started = start(supervisor, Map.of("tab", "IN_ANSWERED", "from", FIRST.toString(), "to", LAST.toString()))
			.andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString().transform(this::read);
		String id = started.get("id").asString();
		JsonNode done = untilEnded(supervisor, id);
		assertThat(done.get("state").asString()).isEqualTo("DONE");
		assertThat(done.get("total").asLong()).isEqualTo(CALLS);
		assertThat(done.get("written").asLong()).isEqualTo(CALLS);
		assertThat(done.get("percent").asInt()).isEqualTo(100);
		assertThat(done.get("fileName").asString()).isEqualTo("通话记录_已接来电_20260101-20260331.xlsx");

		MvcResult file = mvc.perform(get("/api/center/exports/{id}/file", id).session(supervisor)).andExpect(status().isOk()).andReturn();
		assertThat(file.getResponse().getContentType()).isEqualTo(CallExportApi.XLSX.toString());
		String disposition = file.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION);
		assertThat(disposition).startsWith("attachment");
		assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8))
			.isEqualTo("通话记录_已接来电_20260101-20260331.xlsx");

		Map<String, Integer> rowsPerSheet = new LinkedHashMap<>();
		Map<String, List<String>> headings = new LinkedHashMap<>();
		List<String> ids = new ArrayList<>();
		List<List<String>> firstRows = new ArrayList<>();
		read(file.getResponse().getContentAsByteArray(), (sheet, row) -> {
			rowsPerSheet.merge(sheet, 1, Integer::sum);
			if (headings.putIfAbsent(sheet, row) == null) {
				return;
			}
			ids.add(row.get(19));
			if (firstRows.size() < 3) {
				firstRows.add(row);
			}
		});
		assertThat(rowsPerSheet.keySet()).containsExactly("已接来电", "已接来电 2", "已接来电 3");
		assertThat(rowsPerSheet.values()).containsExactly(SHEET_ROWS + 1, SHEET_ROWS + 1, CALLS - 2 * SHEET_ROWS + 1);
		assertThat(headings.values()).allSatisfy(heading -> assertThat(heading).containsExactly("类型", "客户号码", "归属地", "客户", "联系人",
				"被叫号码", "中继号码", "外显号码", "坐席", "开始时间", "接听时间", "结束时间", "等待（秒）", "通话（秒）", "挂断方", "结束原因", "录音", "费用（元）",
				"回拨任务", "通话编号"));
		List<String> newestFirst = new ArrayList<>(offered.keySet());
		java.util.Collections.reverse(newestFirst);
		assertThat(ids).containsExactlyElementsOf(newestFirst);

		DateTimeFormatter shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
		for (List<String> row : firstRows) {
			Instant at = offered.get(row.get(19));
			assertThat(row.get(0)).isEqualTo("已接来电");
			assertThat(row.get(5)).isEqualTo("4001234567");
			assertThat(row.get(9)).isEqualTo(LocalDateTime.ofInstant(at, MiddayInChina.CHINA).format(shown));
			assertThat(row.get(10)).isEqualTo(LocalDateTime.ofInstant(at.plusSeconds(5), MiddayInChina.CHINA).format(shown));
			assertThat(row.subList(12, 19)).containsExactly("5", "60", "客户", "客户挂断", "无", "0.30", "");
		}
		assertThat(firstRows.stream().filter(row -> row.get(1).equals(CALLER)).findFirst().orElseThrow().get(2))
			.as("the region of a mobile number, in Chinese").matches(".*\\p{IsHan}.*");
	}

	@Test
	void theHeadingsFollowTheChosenLanguageAndTheFiltersHold() throws Exception {
		MockHttpSession supervisor = supervisor();
		String id = id(start(supervisor, Map.of("tab", "IN_ANSWERED", "from", FIRST.toString(), "to", FIRST.toString(), "seat",
				CallCenterContract.MY_SEAT, "number", "+86 139 1234 5678", "language", "en")).andExpect(status().isAccepted()));
		JsonNode done = untilEnded(supervisor, id);
		// 1 January: calls 0..1439, of which answered, with the caller (even i) and my seat (i % 3 == 0): i % 6 == 0 and i % 10 != 9
		long expected = java.util.stream.IntStream.range(0, 1440).filter(i -> i % 6 == 0 && i % 10 != 9).count();
		assertThat(done.get("total").asLong()).isEqualTo(expected);
		assertThat(done.get("fileName").asString()).isEqualTo("calls_Answered inbound_20260101-20260101.xlsx");
		byte[] bytes = mvc.perform(get("/api/center/exports/{id}/file", id).session(supervisor)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray();
		List<List<String>> sheet = sheets(bytes).get("Answered inbound");
		assertThat(sheet).hasSize((int) expected + 1);
		assertThat(sheet.get(0).subList(0, 3)).containsExactly("Type", "Customer number", "Region");
		assertThat(sheet.stream().skip(1).map(row -> row.get(1) + "|" + row.get(8) + "|" + row.get(15)).distinct())
			.containsExactly(CALLER + "|" + CallCenterContract.MY_SEAT + "|Customer hung up");
	}

	@Test
	void anExportIsOnlyItsUsersAndGoneOnceDiscarded() throws Exception {
		MockHttpSession supervisor = supervisor();
		String id = id(start(supervisor, Map.of("tab", "IN_MISSED", "from", FIRST.toString(), "to", FIRST.toString()))
			.andExpect(status().isAccepted()));
		assertThat(untilEnded(supervisor, id).get("state").asString()).isEqualTo("DONE");
		Path file = exportFiles().filter(path -> path.getFileName().toString().equals(id + ".xlsx")).findFirst().orElseThrow();
		assertThat(file.getParent().getFileName().toString()).as("the tenant's own folder").isEqualTo(CallCenterContract.DEMO);

		MockHttpSession admin = Sessions.tenantUser(mvc, CallCenterContract.DEMO, "admin", "admin123");
		mvc.perform(get("/api/center/exports/{id}", id).session(admin)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("center.export.not-found"));
		mvc.perform(get("/api/center/exports/{id}/file", id).session(admin)).andExpect(status().isNotFound());
		var other = new Provisioning(mvc, Sessions.staff(mvc, "staff", "staff123")).openTenant("别家导出");
		MockHttpSession theirAdmin = Sessions.tenantUser(mvc, other.code(), "admin", other.adminPassword());
		mvc.perform(get("/api/center/exports/{id}/file", id).session(theirAdmin)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.message").isNotEmpty()).andExpect(jsonPath("$.messageEn").isNotEmpty());
		mvc.perform(delete("/api/center/exports/{id}", id).session(theirAdmin).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/api/center/exports/{id}", id).session(Sessions.tenantUser(mvc, CallCenterContract.DEMO, "agent", "agent123")))
			.andExpect(status().isForbidden());
		assertThat(file).exists();

		mvc.perform(delete("/api/center/exports/{id}", id).session(supervisor).with(csrf())).andExpect(status().isNoContent());
		assertThat(file).doesNotExist();
		mvc.perform(get("/api/center/exports/{id}", id).session(supervisor)).andExpect(status().isNotFound());
	}

	@Test
	void oneExportPerUserAtATimeAndACancelledOneLeavesNoFile() throws Exception {
		MockHttpSession supervisor = supervisor();
		Map<String, String> quarter = Map.of("tab", "IN_ANSWERED", "from", FIRST.toString(), "to", LAST.toString());
		String first = id(start(supervisor, quarter).andExpect(status().isAccepted()));
		ResultActions second = start(supervisor, quarter);
		if (second.andReturn().getResponse().getStatus() == 202) {
			// only possible when the first had already ended: never two at once
			assertThat(progress(supervisor, first).get("state").asString()).isEqualTo("DONE");
			mvc.perform(delete("/api/center/exports/{id}", id(second)).session(supervisor).with(csrf()));
		}
		else {
			second.andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("center.export.running"))
				.andExpect(jsonPath("$.message").value("您有一个导出正在生成，请等它完成或先取消。"));
		}
		mvc.perform(delete("/api/center/exports/{id}", first).session(supervisor).with(csrf())).andExpect(status().isNoContent());
		JsonNode cancelled = untilEnded(supervisor, first);
		if (cancelled.get("state").asString().equals("CANCELLED")) {
			mvc.perform(get("/api/center/exports/{id}/file", first).session(supervisor)).andExpect(status().isConflict())
				.andExpect(jsonPath("$.code").value("center.export.not-ready"));
		}
		Peers.await(Duration.ofSeconds(30), "the cancelled export's partial file removed",
				() -> exportFiles().noneMatch(path -> path.getFileName().toString().startsWith(first)));
		String next = id(start(supervisor, Map.of("tab", "OUT_MISSED", "from", FIRST.toString(), "to", FIRST.toString()))
			.andExpect(status().isAccepted()));
		assertThat(untilEnded(supervisor, next).get("total").asLong()).isZero();
		assertThat(progress(supervisor, first).get("state").asString()).as("a cancel is never undone by the writer starting late")
			.isEqualTo("CANCELLED");
		assertThat(sheets(mvc.perform(get("/api/center/exports/{id}/file", next).session(supervisor)).andReturn().getResponse()
			.getContentAsByteArray()).get("呼出未接")).as("an empty list still has its headings").hasSize(1);
	}

	@Test
	void anOverlongRangeOrABadTabIsRefusedInBothLanguages() throws Exception {
		MockHttpSession supervisor = supervisor();
		start(supervisor, Map.of("tab", "IN_ANSWERED", "from", "2025-01-01", "to", LAST.toString())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("center.range.too-long"))
			.andExpect(jsonPath("$.message").value("一次最多查询 400 天，请缩短日期范围。"))
			.andExpect(jsonPath("$.messageEn").value("A list covers at most 400 days; choose a shorter range."));
		start(supervisor, Map.of("tab", "ALL", "from", FIRST.toString())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("center.tab.invalid"));
		mvc.perform(post("/api/center/exports").session(supervisor).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"tab\":"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.messageEn").isNotEmpty());
		mvc.perform(get("/api/center/exports/{id}", "no-such-export").session(supervisor)).andExpect(status().isNotFound());
	}

	private MockHttpSession supervisor() throws Exception {
		return Sessions.tenantUser(mvc, CallCenterContract.DEMO, "supervisor", "super123");
	}

	private ResultActions start(MockHttpSession session, Map<String, String> request) throws Exception {
		return mvc.perform(post("/api/center/exports").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(request)));
	}

	private String id(ResultActions started) throws Exception {
		return read(started.andReturn().getResponse().getContentAsString()).get("id").asString();
	}

	private JsonNode progress(MockHttpSession session, String id) throws Exception {
		return read(mvc.perform(get("/api/center/exports/{id}", id).session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	private JsonNode untilEnded(MockHttpSession session, String id) throws Exception {
		JsonNode[] last = new JsonNode[1];
		Peers.await(Duration.ofMinutes(2), "export " + id + " to end", () -> {
			try {
				last[0] = progress(session, id);
				return !List.of("WAITING", "WRITING").contains(last[0].get("state").asString());
			}
			catch (Exception e) {
				throw new AssertionError(e);
			}
		});
		return last[0];
	}

	private JsonNode read(String body) {
		return json.readTree(body);
	}

	private Stream<Path> exportFiles() {
		try {
			Path root = dataDir.resolve("exports");
			return Files.isDirectory(root) ? Files.walk(root).filter(Files::isRegularFile).toList().stream() : Stream.empty();
		}
		catch (java.io.IOException e) {
			throw new AssertionError(e);
		}
	}

	/** Every sheet's rows as the cells' shown text. */
	static Map<String, List<List<String>>> sheets(byte[] workbook) throws Exception {
		Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
		read(workbook, (sheet, row) -> sheets.computeIfAbsent(sheet, name -> new ArrayList<>()).add(row));
		return sheets;
	}

	/** Each row of each sheet as the cells' shown text, read as a stream (the test holds no whole workbook either). */
	static void read(byte[] workbook, java.util.function.BiConsumer<String, List<String>> rows) throws Exception {
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(workbook))) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (it.hasNext()) {
				try (InputStream sheet = it.next()) {
					String name = it.getSheetName();
					SAXParserFactory factory = SAXParserFactory.newInstance();
					factory.setNamespaceAware(true);
					XMLReader parser = factory.newSAXParser().getXMLReader();
					parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, new XSSFSheetXMLHandler.SheetContentsHandler() {
						List<String> row;

						@Override
						public void startRow(int rowNum) {
							row = new ArrayList<>(java.util.Collections.nCopies(20, ""));
						}

						@Override
						public void endRow(int rowNum) {
							rows.accept(name, row);
						}

						@Override
						public void cell(String reference, String value, XSSFComment comment) {
							row.set(new org.apache.poi.ss.util.CellReference(reference).getCol(), value);
						}
					}, new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT), false));
					parser.parse(new InputSource(sheet));
				}
			}
		}
	}
}
