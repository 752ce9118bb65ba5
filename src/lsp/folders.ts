import { basename, dirname } from 'node:path';
import { configFileNames } from '../config/load.js';
import { isInsideDirectory } from '../io/paths.js';
import { WorkspaceFolder } from './folder.js';

/**
 * The workspace folders the client opened, each read when first needed; a document outside all of them gets a folder
 * of its own directory, as `svc-lint --stdin-filename` run there would see it.
 */
export class Folders {
  private readonly folders = new Map<string, WorkspaceFolder>();
  private roots: string[] = [];
  /** Config files open in the editor, by absolute path: every folder reads their buffers instead of the files. */
  private readonly configBuffers = new Map<string, string>();

  constructor(private readonly today: () => string) {}

  setRoots(roots: readonly string[]): void {
    this.roots = [...new Set(roots)].sort((a, b) => b.length - a.length);
    for (const [root, folder] of this.folders) {
      if (!this.roots.includes(root) && folder.openPaths().length === 0) this.folders.delete(root);
    }
  }

  /** The folder of the deepest root that holds the path. */
  folderOf(path: string): WorkspaceFolder {
    const root = this.roots.find((candidate) => isInsideDirectory(candidate, path)) ?? dirname(path);
    return this.folderAt(root);
  }

  folderAt(root: string): WorkspaceFolder {
    let folder = this.folders.get(root);
    if (!folder) {
      folder = new WorkspaceFolder(root, this.today, this.configBuffers);
      this.folders.set(root, folder);
    }
    return folder;
  }

  /**
   * The buffer of an open document named like a config (undefined: closed, the file on disk counts again); the
   * folders whose config it is read it again. Returns them, none when it is no folder's config.
   */
  configBufferChanged(path: string, text: string | undefined): WorkspaceFolder[] {
    if (!configFileNames.includes(basename(path))) return [];
    const configured = this.all().filter((folder) => folder.isConfigFile(path));
    if (text === undefined) this.configBuffers.delete(path);
    else this.configBuffers.set(path, text);
    for (const folder of configured) folder.reloadConfig();
    return configured;
  }

  /** The folders read so far. */
  all(): WorkspaceFolder[] {
    return [...this.folders.values()];
  }

  /** The folder roots the client named, for reading them ahead of the first document. */
  declaredRoots(): readonly string[] {
    return this.roots;
  }
}
