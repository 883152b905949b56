// Leadership cockpit: ECharts from /cockpit/data.json; on the wall display (data-refresh) the charts reload every
// minute and a clock runs. Red means up and green down, as on Chinese dashboards, always with the sign as well.
// Every label comes from the server, rounded once from the exact figure: this file formats no number.
// Category charts run horizontally with their names beside the bars (grid.containLabel), so no label overlaps.
(function () {
	'use strict';

	var UP = '#d4380d', DOWN = '#389e0d', BRAND = '#1f5fa8', GREY = '#8c8c8c', WARN = '#d48806';
	var charts = {};

	function num(v) { return v == null ? null : Number(v); }

	function chart(root, key, dark) {
		var el = root.querySelector('[data-cockpit="' + key + '"]');
		if (!el) { return null; }
		if (!charts[key]) {
			charts[key] = echarts.init(el, dark ? 'dark' : null, { renderer: 'canvas' });
			window.addEventListener('resize', function () { charts[key].resize(); });
		}
		return charts[key];
	}

	function base(dark) {
		return dark ? { backgroundColor: 'transparent', textStyle: { color: '#d6e4f5' } } : {};
	}

	// a bar whose label is the server's text
	function labelled(value, text, color) {
		var item = { value: value, label: { formatter: text == null ? '' : String(text) } };
		if (color) { item.itemStyle = { color: color }; }
		return item;
	}

	function growthBars(c, groups, label, dark) {
		// as many bars as the chart has room for, one label line each (the wall's panels are lower)
		var room = Math.max(4, Math.floor((c.getHeight() - 40) / 22));
		var sorted = groups.filter(function (g) { return g.growthPct != null; }).slice(0, Math.min(12, room)).reverse();
		c.setOption(Object.assign(base(dark), {
			tooltip: { trigger: 'item', formatter: function (p) { return p.name + '：' + p.data.label.formatter; } },
			grid: { left: 10, right: 70, top: 10, bottom: 10, containLabel: true },
			xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
			yAxis: { type: 'category', data: sorted.map(function (g) { return g.name; }),
				axisLabel: { width: 160, overflow: 'break', interval: 0 } },
			series: [{ name: label, type: 'bar', barMaxWidth: 22,
				data: sorted.map(function (g) {
					var v = num(g.growthPct);
					return labelled(v, g.growthLabel, v >= 0 ? UP : DOWN);
				}),
				label: { show: true, position: 'right' } }]
		}), true);
	}

	// two series per indicator, horizontal, with one legend naming both; the bars keep their series' colour so
	// the legend matches them (behind is marked on the indicator cards)
	function pairBars(c, names, first, second, legend, dark) {
		var rows = names.length;
		c.setOption(Object.assign(base(dark), {
			color: [BRAND, WARN],
			tooltip: { trigger: 'item', formatter: function (p) { return p.name + ' · ' + p.seriesName + '：' + p.data.label.formatter; } },
			legend: { data: legend, bottom: 0 },
			grid: { left: 10, right: 80, top: 10, bottom: 36, containLabel: true },
			xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
			yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 120, overflow: 'break', interval: 0 } },
			series: [
				{ name: legend[0], type: 'bar', barMaxWidth: rows > 4 ? 14 : 20, barGap: '20%', data: first,
					label: { show: true, position: 'right' } },
				{ name: legend[1], type: 'bar', barMaxWidth: rows > 4 ? 14 : 20, data: second,
					label: { show: true, position: 'right' } }
			]
		}), true);
	}

	function render(root, data) {
		var d = root.dataset, dark = d.theme === 'dark';
		var e = data.economy, s = data.safety, c;
		if (e && e.trend && (c = chart(root, 'trend', dark))) {
			c.setOption(Object.assign(base(dark), {
				color: [BRAND, GREY],
				tooltip: { trigger: 'axis' },
				legend: { data: [d.lThisYear, d.lLastYear], bottom: 0 },
				grid: { left: 60, right: 20, top: 30, bottom: 40 },
				xAxis: { type: 'category', data: e.trend.months.map(function (m) { return m + d.lMonth; }) },
				yAxis: { type: 'value', name: e.trend.unit },
				series: [
					{ name: d.lThisYear, type: 'line', smooth: true, data: e.trend.thisYear.map(num) },
					{ name: d.lLastYear, type: 'line', smooth: true, lineStyle: { type: 'dashed' }, data: e.trend.lastYear.map(num) }
				]
			}), true);
		}
		if (e && (c = chart(root, 'growthTargets', dark))) {
			var byGrowth = e.indicators.filter(function (i) { return i.targetKind === 'growth'; });
			pairBars(c, byGrowth.map(function (i) { return i.name; }),
				byGrowth.map(function (i) {
					return labelled(num(i.labels.growthValue), i.labels.growthValue == null ? '' : i.labels.growthValue + '%');
				}),
				byGrowth.map(function (i) { return labelled(num(i.labels.target), i.labels.target + '%'); }),
				[d.lActualGrowth, d.lTargetGrowth], dark);
		}
		if (e && (c = chart(root, 'progress', dark))) {
			var byAmount = e.indicators.filter(function (i) { return i.targetKind && i.targetKind !== 'growth'; });
			pairBars(c, byAmount.map(function (i) { return i.name; }),
				byAmount.map(function (i) {
					return labelled(num(i.labels.progress), i.labels.progress + '%');
				}),
				byAmount.map(function () { return labelled(num(e.timeProgressPct), e.timeProgressPct + '%'); }),
				[d.lProgress, d.lTimeProgress], dark);
		}
		if (e && (c = chart(root, 'industry', dark))) { growthBars(c, e.byIndustry, d.lGrowth, dark); }
		if (e && (c = chart(root, 'area', dark))) { growthBars(c, e.byArea, d.lGrowth, dark); }
		if (s && (c = chart(root, 'hazards', dark))) {
			c.setOption(Object.assign(base(dark), {
				color: [BRAND, '#36b37e', UP],
				tooltip: { trigger: 'axis' },
				legend: { data: [d.lFound, d.lAccepted, d.lOverdue], bottom: 0 },
				grid: { left: 50, right: 20, top: 30, bottom: 40 },
				xAxis: { type: 'category', data: s.months.map(function (m) { return m + d.lMonth; }) },
				yAxis: { type: 'value', minInterval: 1 },
				series: [
					{ name: d.lFound, type: 'bar', data: s.foundByMonth },
					{ name: d.lAccepted, type: 'bar', data: s.acceptedByMonth },
					{ name: d.lOverdue, type: 'line', data: s.overdueByMonth }
				]
			}), true);
		}
	}

	// a work line's tile chart: its categories and series as the server sent them, each bar labelled with its text
	function tileChart(el, t, dark) {
		var key = 'tile:' + t.code;
		if (!charts[key]) {
			charts[key] = echarts.init(el, dark ? 'dark' : null, { renderer: 'canvas' });
			window.addEventListener('resize', function () { charts[key].resize(); });
		}
		var h = t.chart.horizontal, category = { type: 'category', data: t.chart.categories, inverse: h,
			axisLabel: { width: 140, overflow: 'break', interval: 0 } };
		charts[key].setOption(Object.assign(base(dark), {
			color: [BRAND, WARN, UP, '#36b37e', GREY],
			tooltip: { trigger: 'item', formatter: function (p) { return p.name + ' · ' + p.seriesName + '：' + p.data.label.formatter; } },
			legend: { data: t.chart.series.map(function (s) { return s.name; }), bottom: 0 },
			grid: { left: 10, right: 60, top: 20, bottom: 36, containLabel: true },
			xAxis: h ? { type: 'value' } : category,
			yAxis: h ? category : { type: 'value' },
			series: t.chart.series.map(function (s) {
				return { name: s.name, type: 'bar', barMaxWidth: 22,
					data: s.values.map(function (v, i) { return labelled(num(v), s.labels[i]); }),
					label: { show: true, position: h ? 'right' : 'top' } };
			})
		}), true);
	}

	function renderTiles(root, data) {
		(data.tiles || []).forEach(function (t) {
			var el = root.querySelector('[data-tile-chart="' + t.code + '"]');
			if (el && t.chart) { tileChart(el, t, root.dataset.theme === 'dark'); }
		});
	}

	function load(root) {
		fetch(root.dataset.src, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
			.then(function (r) { return r.json(); })
			.then(function (data) { render(root, data); renderTiles(root, data); });
	}

	function clock() {
		var el = document.getElementById('screen-clock');
		if (el) {
			var now = new Date();
			el.textContent = now.toLocaleDateString() + ' ' + now.toLocaleTimeString();
		}
	}

	document.addEventListener('DOMContentLoaded', function () {
		var root = document.getElementById('cockpit');
		if (!root || !window.echarts) { return; }
		load(root);
		var seconds = parseInt(root.dataset.refresh || '0', 10);
		if (seconds > 0) {
			setInterval(function () { load(root); }, seconds * 1000);
			clock();
			setInterval(clock, 1000);
		}
	});
})();
