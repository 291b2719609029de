#!/bin/sh
# Re-fetch the country shapes the web UI and the static report draw (world-atlas 2.x,
# Natural Earth 1:110m admin-0 countries as TopoJSON, ISC licence) from the npm registry.
# Run it only to update the vendored copy; Parallax itself never downloads anything.
set -eu
VERSION="${WORLD_ATLAS_VERSION:-2.0.2}"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$HERE/src/parallax/web/static/countries-110m.json"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "world-atlas@$VERSION" >/dev/null
tar xzf "world-atlas-$VERSION.tgz"
cp package/countries-110m.json "$DEST"
echo "wrote $DEST (world-atlas $VERSION): $(sha256sum "$DEST" | cut -d' ' -f1)"
