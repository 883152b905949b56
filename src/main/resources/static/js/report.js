// Work report pages: highlight the clicked figure, the print button, and the month field of the generate form.
(function () {
	'use strict';

	document.addEventListener('click', function (event) {
		var figure = event.target.closest('a.figure');
		if (figure) {
			document.querySelectorAll('a.figure.active').forEach(function (a) { a.classList.remove('active'); });
			document.querySelectorAll('a.figure[data-figure="' + figure.dataset.figure + '"]').forEach(function (a) {
				a.classList.add('active');
			});
		}
		if (event.target.closest('[data-print]')) {
			window.print();
		}
	});

	// The section editor shows figures as chips; saving writes each chip back as its
	// {{figure-id}} marker and each line of the editor as a paragraph.
	function serialize(editor) {
		var lines = [];
		var current = '';
		function walk(node) {
			node.childNodes.forEach(function (child) {
				if (child.nodeType === Node.TEXT_NODE) {
					current += child.textContent.replace(/\n/g, ' ');
				} else if (child.classList && child.classList.contains('figure-chip')) {
					current += '{{' + child.dataset.figure + '}}';
				} else if (child.nodeName === 'BR') {
					lines.push(current);
					current = '';
				} else if (child.nodeName === 'DIV' || child.nodeName === 'P') {
					if (current !== '') {
						lines.push(current);
						current = '';
					}
					walk(child);
					lines.push(current);
					current = '';
				} else {
					walk(child);
				}
			});
		}
		walk(editor);
		if (current !== '') {
			lines.push(current);
		}
		return lines.filter(function (l) { return l.trim() !== ''; }).join('\n');
	}

	document.addEventListener('htmx:configRequest', function (event) {
		var form = event.detail.elt;
		var editor = form && form.querySelector ? form.querySelector('.chip-editor') : null;
		if (editor) {
			var text = serialize(editor);
			form.querySelector('.chip-source').value = text;
			event.detail.parameters.text = text;
		}
	});

	document.addEventListener('DOMContentLoaded', function () {
		var kind = document.querySelector('#report-form #kind');
		var monthField = document.getElementById('month-field');
		if (kind && monthField) {
			var sync = function () {
				var needsMonth = kind.value === 'MONTHS' || kind.value === 'QUARTER';
				monthField.hidden = !needsMonth;
				document.getElementById('month').required = needsMonth;
			};
			kind.addEventListener('change', sync);
			sync();
		}
		var form = document.getElementById('report-form');
		if (form) {
			form.addEventListener('submit', function () {
				var button = form.querySelector('button[type=submit][data-busy]');
				if (button) {
					button.disabled = true;
					button.textContent = button.dataset.busy;
				}
			});
		}
	});
})();
