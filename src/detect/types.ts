/** One reason to believe a directory holds code in a given language. */
export interface Evidence {
  languageId: string;
  /** Absolute path of the file the evidence was read from. */
  file: string;
  /** What was found, e.g. `go.mod` or `Dockerfile final stage FROM python:3.12-slim`. */
  detail: string;
}
