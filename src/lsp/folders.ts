import { dirname } from 'node:path';
import { isInsideDirectory } from '../io/paths.js';
import { WorkspaceFolder } from './folder.js';

/**
 * The workspace folders the client opened, each read when first needed; a document outside all of them gets a folder
 * of its own directory, as `svc-lint --stdin-filename` run there would see it.
 */
export class Folders {
  private readonly folders = new Map<string, WorkspaceFolder>();
  private roots: string[] = [];

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
      folder = new WorkspaceFolder(root, this.today);
      this.folders.set(root, folder);
    }
    return folder;
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
