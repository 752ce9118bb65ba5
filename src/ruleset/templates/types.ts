import type { WorkspaceDecisions } from '../../analysis/decisions.js';
import type { LanguageEvidenceReader } from '../../sources/evidence/detect.js';
import type { LanguageRegistry } from '../../languages/registry.js';
import type { Range, Service, ServiceField, UndeclaredService } from '../../types.js';


export interface TemplateContext {
  languages: LanguageRegistry;
  /** Each service's one decision of the ordered framework, made on the workspace's traffic. */
  decisions: WorkspaceDecisions;
  /**
   * Whether `service` is declared in a linted file (when only some files are linted): a workspace template may skip
   * building the findings of the others, which the engine would drop; all services when absent.
   */
  isLinted?: (service: Service) => boolean;
  /** What the files in a directory say about its language, each directory read once per run; read afresh when absent. */
  languageEvidence?: LanguageEvidenceReader;
  /** Services the workspace holds that svc-lint does not judge (by name): a call to one is not to an unknown service. */
  undeclared?: ReadonlyMap<string, UndeclaredService>;
}

/** What a template reports: data only; the engine renders the rule's message and adds file and severity. */
export interface TemplateFinding {
  messageId: string;
  data: Record<string, string | number>;
  /** The service field the finding is about; the engine turns it into a range. Defaults to `document`. */
  field?: ServiceField;
  /** An exact range, when no single field fits (a dependsOn entry, a tag). Wins over `field`. */
  range?: Range;
}

export interface WorkspaceTemplateFinding extends TemplateFinding {
  /** The service the finding is reported on (its file and name). */
  service: Service;
}

interface TemplateBase {
  key: string;
  description: string;
  /** JSON Schema of the params object; checked when a rule is loaded. */
  paramsSchema: Record<string, unknown>;
  /** Message ids the template can report; every rule on this template must declare a message for each. */
  messageIds: readonly string[];
  /** Message ids a rule may declare for a more precise text; a rule without one gets its `default` message. */
  optionalMessageIds?: readonly string[];
  /** Keys the template puts in `data`, the placeholders a rule's messages may use. */
  dataKeys: readonly string[];
}

export interface ServiceTemplate<Params = any> extends TemplateBase {
  scope: 'service';
  check(service: Service, params: Params, context: TemplateContext): TemplateFinding[];
}

/** Sees every service of the workspace at once (graph rules). */
export interface WorkspaceTemplate<Params = any> extends TemplateBase {
  scope: 'workspace';
  check(services: readonly Service[], params: Params, context: TemplateContext): WorkspaceTemplateFinding[];
}

export type RuleTemplate = ServiceTemplate | WorkspaceTemplate;
