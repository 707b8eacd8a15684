// The platform sign-in page this browser last came through (set by /signin/<platform>/<tenant>), so a
// desktop inside DingTalk, WeCom or Feishu signs in again in place and comes back to where it was.
export const SIGNIN_KEY = 'calldesk.platformSignIn'

export function platformSignIn(storage: Pick<Storage, 'getItem'>, here: Pick<Location, 'pathname' | 'search'>): string | null {
  const path = storage.getItem(SIGNIN_KEY)
  if (!path || !/^\/signin\/(dingtalk|wecom|feishu)\/[0-9]{4,12}$/.test(path)) return null
  return `${path}?next=${encodeURIComponent(here.pathname + here.search)}`
}
