// Desktop notifications for a call ringing while the page is hidden.

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window
}

export function notificationPermission(): NotificationPermission | 'unsupported' {
  return notificationsSupported() ? Notification.permission : 'unsupported'
}

export async function requestNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (!notificationsSupported()) return 'unsupported'
  if (Notification.permission !== 'default') return Notification.permission
  try {
    return await Notification.requestPermission()
  } catch {
    return Notification.permission
  }
}

/** Shows a notification (tagged by call, so tabs and repeats replace each other); null when not allowed. */
export function showNotification(title: string, body: string, tag: string, onClick: () => void): Notification | null {
  if (!notificationsSupported() || Notification.permission !== 'granted') return null
  try {
    const n = new Notification(title, { body, tag, requireInteraction: true })
    n.onclick = () => {
      window.focus()
      onClick()
      n.close()
    }
    return n
  } catch {
    return null
  }
}
