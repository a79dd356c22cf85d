/**
 * The deep-link payload of /start (Telegram: t.me/<bot>?start=<payload>, at most 64 characters
 * of A-Z a-z 0-9 _ -). Tokens are separated by "_":
 *   ref_<CODE>                                  referral by users.referral_code
 *   utm_source-<v>[_medium-<v>][_campaign-<v>]   UTM attribution (values use A-Z a-z 0-9 -)
 * Both may be combined: ref_K7M2Q9XA_utm_source-tiktok_campaign-spring. Unknown tokens are ignored.
 */
export interface StartPayload {
  referralCode?: string;
  utm?: { source?: string; medium?: string; campaign?: string };
}

const UTM_KEYS = { source: 'source', medium: 'medium', campaign: 'campaign' } as const;

export function parseStartPayload(payload: string): StartPayload {
  const result: StartPayload = {};
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(payload)) return result;
  const tokens = payload.split('_').filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.toLowerCase() === 'ref' && tokens[i + 1] && /^[A-Za-z0-9]{4,16}$/.test(tokens[i + 1])) {
      result.referralCode = tokens[++i].toUpperCase();
      continue;
    }
    const dash = token.indexOf('-');
    if (dash > 0) {
      const key = token.slice(0, dash).toLowerCase() as keyof typeof UTM_KEYS;
      const value = token.slice(dash + 1);
      if (key in UTM_KEYS && /^[A-Za-z0-9-]{1,48}$/.test(value)) {
        result.utm = { ...result.utm, [UTM_KEYS[key]]: value.toLowerCase() };
      }
    }
  }
  return result;
}
