// The zone's parcels drawn from their own GeoJSON boundaries (no tile server): an ECharts
// custom series of polygons on plain value axes, coloured by status or by 亩均 class, a
// click opening the parcel. The parcel page draws its one boundary the same way.
(function () {
	'use strict';

	var STATUS_COLOURS = { RESERVE: '#bfbfbf', EXPROPRIATING: '#faad14', APPROVED: '#69c0ff', SUPPLIED: '#1f5fa8',
		DEVELOPING: '#9254de', BUILT: '#389e0d' };
	var CLASS_COLOURS = { A: '#d4380d', B: '#fa8c16', C: '#1890ff', D: '#595959' };

	function rings(geometry) {
		var g = typeof geometry === 'string' ? JSON.parse(geometry) : geometry;
		if (!g || !g.coordinates) {
			return [];
		}
		var polygons = g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates];
		// outer rings only: holes are rare in parcels and do not change the picture
		return polygons.map(function (p) { return p[0]; });
	}

	function bounds(shapes) {
		var b = [Infinity, Infinity, -Infinity, -Infinity];
		shapes.forEach(function (s) {
			s.rings.forEach(function (ring) {
				ring.forEach(function (pt) {
					b[0] = Math.min(b[0], pt[0]); b[1] = Math.min(b[1], pt[1]);
					b[2] = Math.max(b[2], pt[0]); b[3] = Math.max(b[3], pt[1]);
				});
			});
		});
		return b;
	}

	// keeps the drawing's aspect: widens the shorter range to the container's ratio
	function axes(b, el) {
		var w = b[2] - b[0] || 1, h = b[3] - b[1] || 1;
		var ratio = el.clientWidth / Math.max(el.clientHeight, 1);
		if (w / h < ratio) {
			var nw = h * ratio; b[0] -= (nw - w) / 2; b[2] += (nw - w) / 2;
		} else {
			var nh = w / ratio; b[1] -= (nh - h) / 2; b[3] += (nh - h) / 2;
		}
		return {
			x: { type: 'value', min: b[0], max: b[2], show: false },
			y: { type: 'value', min: b[1], max: b[3], show: false }
		};
	}

	function draw(el, shapes, colourOf, legend, onClick) {
		var chart = echarts.getInstanceByDom(el) || echarts.init(el);
		var a = axes(bounds(shapes), el);
		chart.setOption({
			animation: false,
			grid: { left: 4, right: 4, top: 4, bottom: legend ? 36 : 4 },
			xAxis: a.x, yAxis: a.y,
			tooltip: { formatter: function (p) { return shapes[p.dataIndex].tip; } },
			legend: legend ? { bottom: 0, data: legend.map(function (l) { return l.name; }) } : undefined,
			series: [{
				type: 'custom', coordinateSystem: 'cartesian2d', data: shapes.map(function (s, i) { return [i]; }),
				renderItem: function (params, api) {
					var s = shapes[params.dataIndex];
					return { type: 'group', children: s.rings.map(function (ring) {
						return { type: 'polygon', shape: { points: ring.map(function (pt) { return api.coord(pt); }) },
							style: { fill: colourOf(s), stroke: '#ffffff', lineWidth: 1 } };
					}) };
				}
			}].concat(legend ? legend.map(function (l) {
				return { name: l.name, type: 'scatter', data: [], itemStyle: { color: l.colour } };
			}) : [])
		}, true);
		if (onClick) {
			chart.off('click');
			chart.on('click', function (p) { if (p.seriesIndex === 0) { onClick(shapes[p.dataIndex]); } });
		}
		window.addEventListener('resize', function () { chart.resize(); });
	}

	function zoneMap(el) {
		var select = document.getElementById('map-colour');
		fetch(el.dataset.src, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
			.then(function (r) { return r.json(); })
			.then(function (data) {
				if (!data.parcels.length) {
					document.getElementById('land-map-empty').hidden = false;
					return;
				}
				var shapes = data.parcels.map(function (p) {
					return { id: p.id, status: p.status, cls: p.cls, rings: rings(p.geometry),
						tip: p.code + '<br>' + p.areaMu + ' 亩 · ' + data.labels[p.status]
							+ (p.cls ? ' · ' + data.labels[p.cls] : '') };
				});
				function render() {
					var byClass = select && select.value === 'cls';
					var legend = byClass
						? ['A', 'B', 'C', 'D'].map(function (c) { return { name: data.labels[c], colour: CLASS_COLOURS[c] }; })
							.concat([{ name: data.labels.none, colour: '#e8e8e8' }])
						: Object.keys(STATUS_COLOURS).map(function (s) { return { name: data.labels[s], colour: STATUS_COLOURS[s] }; });
					draw(el, shapes, function (s) {
						return byClass ? (CLASS_COLOURS[s.cls] || '#e8e8e8') : (STATUS_COLOURS[s.status] || '#bfbfbf');
					}, legend, function (s) { window.location.href = el.dataset.link + s.id; });
				}
				render();
				if (select) {
					select.addEventListener('change', render);
				}
			});
	}

	document.addEventListener('DOMContentLoaded', function () {
		if (!window.echarts) {
			return;
		}
		var map = document.getElementById('land-map');
		if (map) {
			zoneMap(map);
		}
		var shape = document.getElementById('parcel-shape');
		if (shape) {
			draw(shape, [{ rings: rings(shape.dataset.geometry), tip: '' }], function () { return '#1f5fa8'; }, null, null);
		}
	});
})();
