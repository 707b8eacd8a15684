import { describe, expect, it } from 'vitest'
import zh from '../src/i18n/zh-CN'
import en from '../src/i18n/en'

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

function value(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj)
}

describe('messages', () => {
  it('every Chinese key has an English twin and the other way round', () => {
    const zhKeys = keys(zh)
    const enKeys = keys(en as unknown as Record<string, unknown>)
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([])
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([])
  })

  it('no message is empty, and placeholders match', () => {
    for (const k of keys(zh)) {
      const z = String(value(zh, k))
      const e = String(value(en, k))
      expect(z.length, k).toBeGreaterThan(0)
      expect(e.length, k).toBeGreaterThan(0)
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
      expect(ph(e), k).toEqual(ph(z))
    }
  })

  it('uses the call-center words agents know', () => {
    expect(zh.pop.title).toBe('来电弹屏')
    expect(zh.phase.ANSWERED).toBe('通话中')
    expect(zh.call.hold).toBe('保持')
    expect(zh.call.resume).toBe('取回')
    expect(zh.call.hangup).toBe('挂断')
    expect(zh.call.consult).toBe('咨询')
    expect(zh.call.consultTransfer).toBe('咨询转接')
    expect(zh.call.transfer).toBe('盲转')
    expect(zh.note.title).toBe('服务备注')
    expect(zh.note.saved).toBe('已保存')
    expect(zh.history.title).toBe('服务记录')
    expect(zh.pop.newCaller).toBe('新来电客户')
    expect(zh.status.BUSY).toBe('忙碌中')
    expect(zh.status.REST).toBe('小休')
    expect(zh.status.state.WRAP_UP).toBe('话后')
    expect(zh.ring.enable).toBe('启用来电铃声')
    expect(zh.connection.connecting).toBe('连接中…')
    expect(zh.connection.open).toBe('已连接')
    expect(zh.connection.reconnecting).toBe('重新连接中…')
  })
})
