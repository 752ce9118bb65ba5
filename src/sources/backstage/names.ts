/**
 * Backstage's own rules for entity names and namespaces (`KubernetesValidatorFunctions` in
 * @backstage/catalog-model): a name is 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter
 * or digit; a namespace is a DNS label, lowercase.
 */
const entityName = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const dnsLabel = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isValidEntityName(name: string): boolean {
  return name.length >= 1 && name.length <= 63 && entityName.test(name);
}

export function isValidNamespace(namespace: string): boolean {
  return namespace.length >= 1 && namespace.length <= 63 && dnsLabel.test(namespace);
}

export const entityNameRule =
  'must be a Backstage entity name: 1 to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit';
export const namespaceRule = 'must be a Backstage namespace: 1 to 63 lowercase letters, digits and "-", starting and ending with a letter or digit';
