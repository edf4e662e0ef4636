/** A line of a tree, with optional continuation lines (shown under it) and children. */
export interface TreeNode {
  text: string;
  details?: string[];
  children?: TreeNode[];
}

/**
 * Draws a tree with box-drawing guides:
 *
 * @example
 * renderTree([{ text: 'EO 13959', children: [{ text: 'NS-CMIC list' }] }])
 * // └─ EO 13959
 * //    └─ NS-CMIC list
 */
export function renderTree(nodes: TreeNode[], indent = ''): string[] {
  return nodes.flatMap((node, index) => {
    const last = index === nodes.length - 1;
    const guide = indent + (last ? '   ' : '│  ');
    return [
      `${indent}${last ? '└─ ' : '├─ '}${node.text}`,
      ...(node.details ?? []).map((line) => `${guide}${line}`),
      ...renderTree(node.children ?? [], guide),
    ];
  });
}

/** Nests a list of nodes so that each is the only child of the one before: a chain drawn as a staircase. */
export function chain(nodes: TreeNode[]): TreeNode[] {
  const [first, ...rest] = nodes;
  if (!first) return [];
  return [{ ...first, children: [...(first.children ?? []), ...chain(rest)] }];
}
