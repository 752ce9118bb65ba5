import { describe, expectTypeOf, it } from 'vitest';
import type { DeploymentTarget, LanguagePath, Workload } from '../../types.js';
import type { DeploymentFootprintParams } from './deployment-footprint.js';
import type { HotPathQuestionParams } from './hot-path-question.js';
import type { MetricThresholdParams } from './metric-threshold.js';
import type { UnknownDependencyParams } from './unknown-dependency.js';
import type { WorkloadLanguageParams } from './workload-language.js';

// Checked by the type checker (`npm test` runs it first): the params types come from each template's JSON Schema, so
// a schema edit that the code does not follow fails the build instead of reaching a rule at run time.
describe('template params types derived from their schemas', () => {
  it('keeps enums, required and optional keys', () => {
    expectTypeOf<MetricThresholdParams['metric']>().toEqualTypeOf<'peakRps' | 'p99Ms'>();
    expectTypeOf<MetricThresholdParams['languagePath']>().toEqualTypeOf<LanguagePath>();
    expectTypeOf<MetricThresholdParams['workloads']>().toEqualTypeOf<Workload[] | undefined>();
    expectTypeOf<HotPathQuestionParams['reason']>().toEqualTypeOf<'declared-throughput' | 'low-latency'>();
    expectTypeOf<HotPathQuestionParams['above']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<WorkloadLanguageParams['question']>().toEqualTypeOf<1 | 3 | 4>();
    expectTypeOf<DeploymentFootprintParams['targets']>().toEqualTypeOf<DeploymentTarget[]>();
    expectTypeOf<UnknownDependencyParams['maxDistance']>().toEqualTypeOf<number>();
  });
});
