// TopoJSON -> polygons, and the Natural Earth projection: just enough of topojson-client and
// d3-geo to draw the vendored country shapes (countries-110m.json) with no library and no CDN.
// A topology stores each shared border once as an "arc"; with a transform, arcs are quantized
// and delta-encoded (each point is the offset from the previous one).

function decodeArcs(topology) {
  const transform = topology.transform;
  if (!transform) return topology.arcs;
  const [sx, sy] = transform.scale;
  const [tx, ty] = transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

function ring(arcs, indices) {
  const points = [];
  for (const index of indices) {
    // A negative index ~i means arc i walked backwards.
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    // Consecutive arcs share their joining point: keep it once.
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

/** A ring crossing the antimeridian jumps from +180 to -180. Unwrap it into a continuous ring
 * (longitudes beyond ±180) and add a copy shifted by 360°, so each half is drawn on its own side
 * once the map is clipped to the sphere's outline. */
function unwrap(points) {
  let shift = 0;
  let jumped = false;
  const out = points.map(([lon, lat], i) => {
    if (i > 0) {
      const step = lon - points[i - 1][0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
      jumped = jumped || Math.abs(step) > 180;
    }
    return [lon + shift, lat];
  });
  if (!jumped) return [points];
  const lons = out.map(([lon]) => lon);
  const offset = Math.max(...lons) > 180 ? -360 : 360;
  return [out, out.map(([lon, lat]) => [lon + offset, lat])];
}

/** The features of one object of a topology: [{id, name, polygons: [[ring of [lon, lat]]]}]. */
export function features(topology, objectName) {
  const arcs = decodeArcs(topology);
  const object = topology.objects[objectName];
  const geometries = object.type === "GeometryCollection" ? object.geometries : [object];
  return geometries
    .filter((g) => g.type === "Polygon" || g.type === "MultiPolygon")
    .map((g) => ({
      id: g.id,
      name: (g.properties && g.properties.name) || String(g.id),
      polygons: (g.type === "Polygon" ? [g.arcs] : g.arcs).map((rings) =>
        rings.flatMap((r) => unwrap(ring(arcs, r))),
      ),
    }));
}

const RADIANS = Math.PI / 180;

/** Natural Earth I (Šavrič et al. 2011), the polynomial form d3-geo uses; unit sphere. */
export function naturalEarth(lon, lat) {
  const lambda = lon * RADIANS;
  const phi = lat * RADIANS;
  const phi2 = phi * phi;
  const phi4 = phi2 * phi2;
  const x = lambda * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)));
  const y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)));
  return [x, y];
}

/** A projection to an SVG box: project(lon, lat) -> [x, y] in pixels, north up. */
export function projection(width) {
  const [edge] = naturalEarth(180, 0);
  const scale = width / (2 * edge);
  const [, top] = naturalEarth(0, 90);
  const project = (lon, lat) => {
    const [x, y] = naturalEarth(lon, lat);
    return [width / 2 + x * scale, top * scale - y * scale];
  };
  project.height = 2 * top * scale;
  return project;
}

/** The SVG path data of a feature's polygons. */
export function pathData(feature, project) {
  const parts = [];
  for (const polygon of feature.polygons) {
    for (const points of polygon) {
      if (points.length < 3) continue;
      const coords = points.map(([lon, lat]) => {
        const [x, y] = project(lon, lat);
        return `${x.toFixed(1)},${y.toFixed(1)}`;
      });
      parts.push(`M${coords.join("L")}Z`);
    }
  }
  return parts.join("");
}

/** The outline of the whole sphere, for the ocean and the clip path. */
export function outline(project) {
  const line = [];
  for (let lat = -90; lat <= 90; lat += 5) line.push(project(-180, lat));
  for (let lat = 90; lat >= -90; lat -= 5) line.push(project(180, lat));
  return `M${line.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join("L")}Z`;
}

/** Graticule lines every `step` degrees, as SVG path data. */
export function graticule(project, step = 30) {
  const parts = [];
  for (let lon = -180; lon <= 180; lon += step) {
    const line = [];
    for (let lat = -85; lat <= 85; lat += 5) line.push(project(lon, lat));
    parts.push(`M${line.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join("L")}`);
  }
  for (let lat = -60; lat <= 80; lat += step) {
    const line = [];
    for (let lon = -180; lon <= 180; lon += 5) line.push(project(lon, lat));
    parts.push(`M${line.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join("L")}`);
  }
  return parts.join("");
}
