// The ring sound, generated with WebAudio (no audio file): a dual-tone burst every three seconds.
// Browsers keep an AudioContext suspended until a user gesture; `unlocked` says whether it plays.

type Ctx = AudioContext

export class RingTone {
  private ctx: Ctx | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  private readonly listeners = new Set<(unlocked: boolean) => void>()

  constructor(private readonly createContext: () => Ctx | null = defaultContext) {}

  /** Creates the context (suspended when the browser wants a gesture first). */
  probe(): boolean {
    this.ensure()
    return this.unlocked
  }

  get unlocked(): boolean {
    return this.ctx?.state === 'running'
  }

  get playing(): boolean {
    return this.timer !== null
  }

  onChange(listener: (unlocked: boolean) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Resumes the context; call from a user gesture. */
  async unlock(): Promise<boolean> {
    const ctx = this.ensure()
    if (!ctx) return false
    try {
      await ctx.resume()
    } catch {
      // still locked
    }
    this.emit()
    return this.unlocked
  }

  start(): void {
    if (this.timer !== null) return
    this.burst()
    this.timer = setInterval(() => this.burst(), 3000)
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
  }

  private ensure(): Ctx | null {
    if (!this.ctx) {
      this.ctx = this.createContext()
      this.ctx?.addEventListener?.('statechange', () => this.emit())
    }
    return this.ctx
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.unlocked)
  }

  private burst(): void {
    const ctx = this.ctx
    if (!ctx || ctx.state !== 'running') return
    const t0 = ctx.currentTime + 0.02
    const gain = ctx.createGain()
    gain.gain.setValueAtTime(0, t0)
    // two short rings, like a desk phone: 0.4 s on, 0.2 s off, 0.4 s on
    for (const start of [0, 0.6]) {
      gain.gain.linearRampToValueAtTime(0.18, t0 + start + 0.03)
      gain.gain.setValueAtTime(0.18, t0 + start + 0.37)
      gain.gain.linearRampToValueAtTime(0, t0 + start + 0.4)
    }
    gain.connect(ctx.destination)
    for (const freq of [440, 480]) {
      const osc = ctx.createOscillator()
      osc.type = 'sine'
      osc.frequency.value = freq
      osc.connect(gain)
      osc.start(t0)
      osc.stop(t0 + 1.05)
    }
  }
}

function defaultContext(): Ctx | null {
  const w = window as unknown as { AudioContext?: typeof AudioContext; webkitAudioContext?: typeof AudioContext }
  const Ctor = w.AudioContext ?? w.webkitAudioContext
  if (!Ctor) return null
  try {
    return new Ctor()
  } catch {
    return null
  }
}
