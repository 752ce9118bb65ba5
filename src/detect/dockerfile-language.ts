import { parseDockerfile, type DockerStage } from './dockerfile.js';
import { imageLanguage } from './images.js';

export interface DockerfileLanguage {
  languageId: string;
  detail: string;
}

interface Origin {
  languageId: string;
  /** The stage whose image named the language; undefined when it was an image given to `COPY --from`. */
  stage?: DockerStage;
  image: string;
}

/**
 * The languages a Dockerfile's final stage runs. A stage named after an earlier stage
 * inherits that stage's result. A stage whose own image names no runtime (scratch,
 * distroless static, alpine, an unknown base) takes the languages of the stages or
 * images it copies from, in `COPY --from` order.
 */
export function dockerfileLanguages(text: string, fileName: string): DockerfileLanguage[] {
  const stages = parseDockerfile(text);
  const final = stages[stages.length - 1];
  if (!final) return [];
  return stageOrigins(stages, final).map((origin) => ({
    languageId: origin.languageId,
    detail: describe(fileName, final, origin),
  }));
}

function stageOrigins(stages: readonly DockerStage[], stage: DockerStage): Origin[] {
  const parent = earlierStage(stages, stage.index, stage.image.toLowerCase(), false);
  if (parent) return stageOrigins(stages, parent);
  const languageId = imageLanguage(stage.image);
  if (languageId) return [{ languageId, stage, image: stage.image }];

  const origins: Origin[] = [];
  for (const source of stage.copySources) {
    const sourceStage = earlierStage(stages, stage.index, source, true);
    if (sourceStage) {
      origins.push(...stageOrigins(stages, sourceStage));
    } else {
      const sourceLanguage = imageLanguage(source);
      if (sourceLanguage) origins.push({ languageId: sourceLanguage, image: source });
    }
  }
  return firstPerLanguage(origins);
}

function firstPerLanguage(origins: readonly Origin[]): Origin[] {
  const byLanguage = new Map<string, Origin>();
  for (const origin of origins) {
    if (!byLanguage.has(origin.languageId)) byLanguage.set(origin.languageId, origin);
  }
  return [...byLanguage.values()];
}

/** Only earlier stages can be referenced, which also rules out cycles. */
function earlierStage(
  stages: readonly DockerStage[],
  before: number,
  reference: string,
  allowIndex: boolean,
): DockerStage | undefined {
  const earlier = stages.slice(0, before);
  const byName = earlier.find((stage) => stage.alias === reference);
  if (byName || !allowIndex || !/^\d+$/.test(reference)) return byName;
  return earlier[Number(reference)];
}

function describe(fileName: string, final: DockerStage, origin: Origin): string {
  const head = `${fileName} final stage FROM ${final.image}`;
  if (origin.stage === final) return head;
  if (!origin.stage) return `${head}, copies from image ${origin.image}`;
  const label = origin.stage.alias ? `"${origin.stage.alias}"` : String(origin.stage.index);
  return `${head}, built from stage ${label} FROM ${origin.image}`;
}
