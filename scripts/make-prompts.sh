#!/usr/bin/env bash
# Regenerates the shipped prompts under platform/app/src/main/resources/prompts/zh: Mandarin speech
# from espeak-ng (voice cmn) and hold music synthesised by sox, all 8 kHz mono 16-bit WAV — the only
# format the media relay plays. Run it only to change a prompt; its output is committed, so neither
# tool is needed to build or run CallDesk.
#   sudo apt-get install -y espeak-ng sox && bash scripts/make-prompts.sh
set -euo pipefail
out="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/platform/app/src/main/resources/prompts/zh"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

speak() { # name text
  espeak-ng -v cmn -s 150 -w "$tmp/$1.raw.wav" "$2"
  sox "$tmp/$1.raw.wav" -r 8000 -c 1 -b 16 "$out/$1.wav" norm -3 pad 0.2 0.3
}

speak all-busy "您好，坐席正忙，请稍后再拨。再见。"
speak no-agent "您好，现在没有客服在线，请稍后再拨。再见。"
speak closed "您好，现在是非工作时间，请在工作时间来电。再见。"
speak wait-too-long "很抱歉让您久等了，坐席仍然繁忙，请稍后再拨。再见。"
speak voicemail-greeting "您好，请在提示音后留言，留言完毕请按井号键或挂机。"
speak no-balance "余额不足，无法外呼，请联系管理员充值。"
speak callback-unavailable "您好，该号码暂不接听来电，请拨打客服热线。再见。"

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
