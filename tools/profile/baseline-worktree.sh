#!/usr/bin/env bash
# A checkout of an older commit that runs its own code, for a before/after benchmark:
#   tools/profile/baseline-worktree.sh <commit> [directory, default /tmp/base-wt]
#   (cd /tmp/base-wt && npm run bench -- --phases journey,box-limit --journeys 150)
# It shares this checkout's installed packages without copying them, except the workspace links
# (node_modules/@bcci/*): those point at the worktree's own libs, services and contracts. A plain
# symlink of node_modules would make the old checkout load *this* checkout's libs (node resolves
# @bcci/messaging through node_modules/@bcci/messaging -> ../../libs/messaging of the real directory),
# so a change in libs/ would be in both runs and measure as no change at all.
set -euo pipefail
commit="${1:?usage: baseline-worktree.sh <commit> [directory]}"
target="${2:-/tmp/base-wt}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
if [ -e "$target" ]; then git -C "$here" worktree remove --force "$target" 2>/dev/null || rm -rf "$target"; fi
git -C "$here" worktree prune
git -C "$here" worktree add --detach --force "$target" "$commit" >/dev/null
mkdir "$target/node_modules"
for entry in "$here"/node_modules/* "$here"/node_modules/.bin "$here"/node_modules/.cache; do
  name="$(basename "$entry")"
  [ "$name" = "@bcci" ] && continue
  ln -s "$entry" "$target/node_modules/$name"
done
mkdir "$target/node_modules/@bcci"
for link in "$here"/node_modules/@bcci/*; do
  # Same relative target as in this checkout (../../libs/x), resolved inside the worktree.
  ln -s "$(readlink "$link")" "$target/node_modules/@bcci/$(basename "$link")"
done
resolved="$(cd "$target" && node -r ./tools/register-ts.cjs -e "process.stdout.write(require.resolve('@bcci/messaging'))")"
case "$resolved" in
  "$target"/*) echo "baseline worktree of $(git -C "$target" rev-parse --short HEAD) in $target (its own libs: $resolved)" ;;
  *) echo "baseline worktree in $target resolves @bcci/messaging to $resolved, not its own libs" >&2; exit 1 ;;
esac
