#!/usr/bin/env bash
# Regenerates the shipped prompts under platform/app/src/main/resources/prompts/zh: Mandarin speech
# from espeak-ng and hold music synthesised by sox, all 8 kHz mono 16-bit WAV — the only
# format the media relay plays. Run it only to change a prompt; its output is committed, so neither
# tool is needed to build or run CallDesk.
#   sudo apt-get install -y espeak-ng sox && bash scripts/make-prompts.sh
set -euo pipefail
out="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/platform/app/src/main/resources/prompts/zh"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Not the plain "cmn" voice: espeak-ng 1.51 (Debian 12) reads many characters of its Mandarin dictionary
# as English-spelled pinyin with the tone digit said in English (您好 → "nin two hao three"). The
# pinyin voice reads the same dictionary as Mandarin (check with: espeak-ng -v "$voice" -x 您好).
voice=cmn-latn-pinyin

speak() { # name text
  espeak-ng -v "$voice" -s 150 -w "$tmp/$1.raw.wav" "$2"
  sox "$tmp/$1.raw.wav" -r 8000 -c 1 -b 16 "$out/$1.wav" norm -3 pad 0.2 0.3
}

speak all-busy "您好，坐席正忙，请稍后再拨。再见。"
speak no-agent "您好，现在没有客服在线，请稍后再拨。再见。"
speak closed "您好，现在是非工作时间，请在工作时间来电。再见。"
speak wait-too-long "很抱歉让您久等了，坐席仍然繁忙，请稍后再拨。再见。"
speak voicemail-greeting "您好，请在提示音后留言，留言完毕请按井号键或挂机。"
speak no-balance "余额不足，无法外呼，请联系管理员充值。"
speak callback-unavailable "您好，该号码暂不接听来电，请拨打客服热线。再见。"

# queue announcements (B7), played one after another: "您前面还有 | 三 | 位客户， | 预计等待 | 两 | 分钟。"
# Faster and with the silence trimmed, so the pieces run on like one sentence. The numbers are said as
# counts before a measure word (两位, 两分钟, not 二), which is the only way they are used.
piece() { # name text
  espeak-ng -v "$voice" -s 170 -w "$tmp/$1.raw.wav" "$2"
  sox "$tmp/$1.raw.wav" -r 8000 -c 1 -b 16 "$out/$1.wav" silence 1 0.02 1% reverse silence 1 0.02 1% reverse norm -3 pad 0.03 0.08
}
piece queue-ahead "您前面还有"
piece queue-next "您是下一位，"
piece queue-callers "位客户，"
piece queue-wait "预计等待"
piece queue-under-a-minute "预计等待不到一分钟。"
piece minutes "分钟。"
piece more-than "超过"
counts=(一 两 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十)
for n in $(seq 1 20); do
  piece "number-$n" "${counts[$((n - 1))]}"
done

# a beep after the voicemail greeting
sox -n -r 8000 -c 1 -b 16 "$out/beep.wav" synth 0.4 sine 1000 vol 0.5

# hold music: a slow arpeggio of soft tones, 16 s, loops cleanly
parts=()
i=0
for note in 523.25 659.25 783.99 659.25 587.33 698.46 880.00 698.46 523.25 659.25 783.99 1046.50 783.99 659.25 587.33 493.88; do
  sox -n -r 8000 -c 1 -b 16 "$tmp/n$i.wav" synth 1.0 sine "$note" fade q 0.05 1.0 0.3 vol 0.35
  parts+=("$tmp/n$i.wav")
  i=$((i + 1))
done
sox "${parts[@]}" "$out/hold-music.wav"
ls -l "$out"
