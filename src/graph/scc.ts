export interface StronglyConnectedComponents {
  /** Component number of each node. */
  componentOf: number[];
  /**
   * Node lists, numbered as in `componentOf`, in reverse topological order:
   * every component comes after all the components it has an edge to.
   */
  components: number[][];
}

/**
 * Tarjan's algorithm with an explicit stack, so that chains of any depth
 * cannot overflow the call stack. Linear in nodes + edges.
 */
export function stronglyConnectedComponents(successors: readonly (readonly number[])[]): StronglyConnectedComponents {
  const nodeCount = successors.length;
  const discovery = new Array<number>(nodeCount).fill(-1);
  const lowLink = new Array<number>(nodeCount).fill(0);
  const onStack = new Array<boolean>(nodeCount).fill(false);
  const componentOf = new Array<number>(nodeCount).fill(-1);
  const components: number[][] = [];
  const tarjanStack: number[] = [];
  const callStack: { node: number; nextEdge: number }[] = [];
  let counter = 0;

  const enter = (node: number): void => {
    discovery[node] = counter;
    lowLink[node] = counter;
    counter += 1;
    tarjanStack.push(node);
    onStack[node] = true;
    callStack.push({ node, nextEdge: 0 });
  };

  for (let root = 0; root < nodeCount; root++) {
    if (discovery[root] !== -1) continue;
    enter(root);
    while (callStack.length > 0) {
      const frame = callStack[callStack.length - 1]!;
      const edges = successors[frame.node]!;
      if (frame.nextEdge < edges.length) {
        const next = edges[frame.nextEdge]!;
        frame.nextEdge += 1;
        if (discovery[next] === -1) enter(next);
        else if (onStack[next]) lowLink[frame.node] = Math.min(lowLink[frame.node]!, discovery[next]!);
        continue;
      }
      callStack.pop();
      const parent = callStack[callStack.length - 1];
      if (parent) lowLink[parent.node] = Math.min(lowLink[parent.node]!, lowLink[frame.node]!);
      if (lowLink[frame.node] !== discovery[frame.node]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = tarjanStack.pop()!;
        onStack[member] = false;
        componentOf[member] = components.length;
        component.push(member);
      } while (member !== frame.node);
      components.push(component);
    }
  }
  return { componentOf, components };
}
