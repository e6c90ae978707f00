// The behaviour shared by the tree pages (区域网格, 党组织): a lazy tree on the left, the selected
// node on the right, and the tree kept in step when a node is created, moved or deleted.
import { computed, ref, type Ref } from 'vue'
import type { Id } from '@/shared/types'
import type EntityTree from './EntityTree.vue'
import type { TreeItem } from './EntityTree.vue'

export interface TreeNode {
  id: Id
  parentId: Id | null
}

export function useTreePage<N extends TreeNode & TreeItem>(loadRootNodes: () => Promise<N[]>, canWrite: () => boolean) {
  const tree = ref<InstanceType<typeof EntityTree>>() as Ref<InstanceType<typeof EntityTree> | undefined>
  const selectedId = ref<Id | null>(null)
  const rootCount = ref<number | null>(null)
  const addingRoot = ref(false)
  // a top-level node can only be added to an empty tree (the server sets up the top at installation)
  const canAddRoot = computed(() => canWrite() && rootCount.value === 0)

  function select(id: Id, parentId: Id | null = null): void {
    selectedId.value = id
    tree.value?.highlight(id, parentId)
  }

  async function loadRoots(): Promise<TreeItem[]> {
    const roots = await loadRootNodes()
    rootCount.value = roots.length
    if (selectedId.value === null && roots.length > 0) select(roots[0].id)
    return roots
  }

  function onCreated(node: N): void {
    tree.value?.reloadChildren(node.parentId)
  }

  function onMoved(node: N, oldParentId: Id | null): void {
    tree.value?.remove(node.id)
    if (oldParentId !== null) tree.value?.reloadChildren(oldParentId)
    tree.value?.reloadChildren(node.parentId)
    tree.value?.highlight(node.id, node.parentId)
  }

  function onDeleted(node: TreeNode): void {
    tree.value?.remove(node.id)
    selectedId.value = node.parentId
    tree.value?.reloadChildren(node.parentId)
    if (node.parentId !== null) tree.value?.highlight(node.parentId)
  }

  function onRootCreated(node: N): void {
    tree.value?.reloadChildren(null)
    selectedId.value = node.id
  }

  return { tree, selectedId, addingRoot, canAddRoot, select, loadRoots, onCreated, onMoved, onDeleted, onRootCreated }
}
