import { parseDockerfile, type DockerStage } from './dockerfile.js';
import { imageLanguage } from './images.js';

export interface DockerfileLanguage {
  languageId: string;
  /** How the final stage comes to run the language: `its final stage is FROM python:3.12-slim`. */
  reason: string;
}

interface Origin {
  languageId: string;
  /** The stage whose image named the language; undefined when it was an image given to `COPY --from`. */
  stage?: DockerStage;
  image: string;
  /** The stage's own image, an earlier stage it builds on (`FROM <stage>`), or something it copies from. */
  via: 'own' | 'base' | 'copy';
  /** For `copy`: the stage the `COPY --from` names (the language may come from further back). */
  copied?: DockerStage;
}

/**
 * The languages a Dockerfile's final stage runs. A stage built on an earlier stage (`FROM <stage>`) runs that
 * stage's image. A stage whose image names no runtime (scratch, distroless static, alpine, an unknown base) takes
 * the languages of the stages or images it, or the stages it builds on, copy from, in `COPY --from` order.
 */
export function dockerfileLanguages(text: string): DockerfileLanguage[] {
  const stages = parseDockerfile(text);
  const final = stages[stages.length - 1];
  if (!final) return [];
  const origins = new Map<number, Origin[]>();
  return stageOrigins(stages, final, origins).map((origin) => ({
    languageId: origin.languageId,
    reason: describe(final, origin),
  }));
}

/** Each stage's origins once (`origins` by stage index): stages that copy from many earlier ones stay linear. */
function stageOrigins(stages: readonly DockerStage[], stage: DockerStage, origins: Map<number, Origin[]>): Origin[] {
  const known = origins.get(stage.index);
  if (known) return known;
  const lineage = baseStages(stages, stage);
  const base = lineage[lineage.length - 1]!;
  const baseLanguage = imageLanguage(base.image);
  let found: Origin[];
  if (baseLanguage) {
    found = [{ languageId: baseLanguage, stage: base, image: base.image, via: base === stage ? 'own' : 'base' }];
  } else {
    const copied: Origin[] = [];
    for (const member of lineage) {
      for (const source of member.copySources) {
        const sourceStage = earlierStage(stages, member.index, source, true);
        if (sourceStage) {
          for (const origin of stageOrigins(stages, sourceStage, origins)) copied.push({ ...origin, via: 'copy', copied: sourceStage });
        } else {
          const languageId = imageLanguage(source);
          if (languageId) copied.push({ languageId, image: source, via: 'copy' });
        }
      }
    }
    found = firstPerLanguage(copied);
  }
  origins.set(stage.index, found);
  return found;
}

/** The stage and the earlier stages it builds on, nearest first; the last one names an image. */
function baseStages(stages: readonly DockerStage[], stage: DockerStage): DockerStage[] {
  const lineage = [stage];
  let parent = earlierStage(stages, stage.index, stage.image.toLowerCase(), false);
  while (parent) {
    lineage.push(parent);
    parent = earlierStage(stages, parent.index, parent.image.toLowerCase(), false);
  }
  return lineage;
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
  for (let index = before - 1; index >= 0; index--) {
    if (stages[index]!.alias === reference) return stages[index];
  }
  if (!allowIndex || !/^\d+$/.test(reference)) return undefined;
  const index = Number(reference);
  return index < before ? stages[index] : undefined;
}

/**
 * `its final stage is FROM python:3.12-slim`; when the final stage's own image names no language (an OS image,
 * scratch, distroless static), the stage or image the language came from as well.
 */
function describe(final: DockerStage, origin: Origin): string {
  const image = shortDigest(origin.image);
  if (origin.via === 'own') return `its final stage is FROM ${image}`;
  const finalStage = `its final stage (FROM ${shortDigest(final.image)})`;
  if (origin.via === 'base') return `${finalStage} builds on stage ${stageLabel(origin.stage!)} (FROM ${image})`;
  if (!origin.stage || !origin.copied) return `${finalStage} copies from the image ${image}`;
  const copied = `${finalStage} copies from stage ${stageLabel(origin.copied)}`;
  if (origin.copied === origin.stage) return `${copied} (FROM ${image})`;
  return `${copied}, whose language comes from stage ${stageLabel(origin.stage)} (FROM ${image})`;
}

/** A pinned image with its digest cut to 12 hex digits, as `docker images` shows IDs: the tag says enough in a sentence. */
function shortDigest(image: string): string {
  return image.replace(/@sha256:([0-9a-f]{12})[0-9a-f]{52}$/i, '@sha256:$1…');
}

function stageLabel(stage: DockerStage): string {
  return stage.alias ? `"${stage.alias}"` : String(stage.index);
}
