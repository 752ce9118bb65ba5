/** One reason to believe a directory holds code in a given language. */
export interface Evidence {
  languageId: string;
  /** Absolute path of the file the evidence was read from. */
  file: string;
  /** Why the file points to the language, when its name alone does not say: `it applies the Kotlin plugin`. */
  reason?: string;
}
