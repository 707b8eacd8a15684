import { describe, expect, it } from 'vitest'
import { platformSignIn, SIGNIN_KEY } from '../src/platformSignIn'

const store = (value: string | null) => ({ getItem: (key: string) => (key === SIGNIN_KEY ? value : null) })
const here = { pathname: '/desk/', search: '?task=7' }

describe('platformSignIn', () => {
  it('sends a desktop that came through a platform back through it, to the same page', () => {
    expect(platformSignIn(store('/signin/dingtalk/2001000'), here)).toBe('/signin/dingtalk/2001000?next=%2Fdesk%2F%3Ftask%3D7')
  })

  it('knows nothing for a form sign-in or for anything that is not a platform sign-in path', () => {
    expect(platformSignIn(store(null), here)).toBeNull()
    expect(platformSignIn(store('https://evil.example/signin/dingtalk/2001000'), here)).toBeNull()
    expect(platformSignIn(store('/signin/other/2001000'), here)).toBeNull()
  })
})
