import type { Suppression } from '../../types.js';

/** The SARIF 2.1.0 `suppression` object (§3.35). */
export interface SarifSuppression {
  kind: 'inSource' | 'external';
  status: 'accepted';
  justification: string;
  properties?: { owner?: string; expires?: string };
}

/** The `suppressions` array of a SARIF result; undefined for a finding that counts. */
export function sarifSuppressions(suppression: Suppression | undefined): SarifSuppression[] | undefined {
  if (!suppression) return undefined;
  const properties = {
    ...(suppression.owner !== undefined ? { owner: suppression.owner } : {}),
    ...(suppression.expires !== undefined ? { expires: suppression.expires } : {}),
  };
  return [
    {
      kind: suppression.kind === 'inline' ? 'inSource' : 'external',
      status: 'accepted',
      justification: suppression.reason,
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
    },
  ];
}
