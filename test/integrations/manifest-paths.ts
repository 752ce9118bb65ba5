/** Staged paths and whether a hook should lint them: the names svc-lint searches directories for, and near misses. */
export const stagedPaths: readonly (readonly [path: string, isManifest: boolean])[] = [
  ['service.yaml', true],
  ['service.yml', true],
  ['services/checkout/service.yaml', true],
  ['services/checkout.service.yaml', true],
  ['deploy/api.service.yml', true],
  ['catalog-info.yaml', true],
  ['catalog-info.yml', true],
  ['teams/payments.catalog-info.yaml', true],
  ['myservice.yaml', false],
  ['services.yaml', false],
  ['service.yaml.bak', false],
  ['service.json', false],
  ['docs/service.md', false],
  ['team-catalog-info.yaml', false],
  ['.pre-commit-config.yaml', false],
  ['notes/checkout.yaml', false],
];
