import { ownString } from '../../text/own-string.js';

export const defaultNamespace = 'default';

export interface EntityRef {
  /** Lower-cased; undefined when the reference names no kind. */
  kind?: string;
  namespace?: string;
  name: string;
}

/** Parses Backstage's compact reference form `[<kind>:][<namespace>/]<name>`. */
export function parseEntityRef(text: string): EntityRef | undefined {
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(text.trim());
  if (!match) return undefined;
  const [, kind, namespace, name] = match;
  return {
    ...(kind ? { kind: kind.toLowerCase() } : {}),
    ...(namespace ? { namespace } : {}),
    name: name!,
  };
}

/**
 * The name svc-lint gives a component: its bare name in the default namespace, `namespace/name` elsewhere, so equal
 * names in two namespaces stay apart; lower-cased, because Backstage compares namespaces and names ignoring case
 * (`stringifyEntityRef` lower-cases every part: `component:default/CartService` is `cartservice`). A string of its own,
 * which keeps nothing of the file's text.
 */
export function serviceKey(namespace: string | undefined, name: string): string {
  const effective = (namespace ?? defaultNamespace).toLowerCase();
  const lowered = name.toLowerCase();
  return ownString(effective === defaultNamespace ? lowered : `${effective}/${lowered}`);
}
