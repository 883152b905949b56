// The searchable enterprise picker (templates/fragments/enterprise-picker.html): asks the server for the
// enterprises matching the text, area and industry, shows them as a list; a click adds a removable chip that
// carries a hidden input with the credit code. No inline scripts (CSP).
(function () {
	'use strict';

	function chip(picker, item) {
		var chips = picker.querySelector('.chips');
		var name = picker.getAttribute('data-name');
		if (picker.getAttribute('data-multiple') !== 'true') {
			chips.textContent = '';
		}
		if (chips.querySelector('.chip[data-code="' + item.creditCode + '"]')) {
			return;
		}
		var span = document.createElement('span');
		span.className = 'chip';
		span.setAttribute('data-code', item.creditCode);
		var label = document.createElement('span');
		label.textContent = item.name;
		label.title = item.creditCode;
		var input = document.createElement('input');
		input.type = 'hidden';
		input.name = name;
		input.value = item.creditCode;
		var remove = document.createElement('button');
		remove.type = 'button';
		remove.className = 'chip-remove';
		remove.title = picker.getAttribute('data-remove');
		remove.setAttribute('aria-label', picker.getAttribute('data-remove'));
		remove.textContent = '\u00d7';
		span.appendChild(label);
		span.appendChild(input);
		span.appendChild(remove);
		chips.appendChild(span);
	}

	function render(picker, items) {
		var list = picker.querySelector('.picker-results');
		list.textContent = '';
		if (items.length === 0) {
			var empty = document.createElement('li');
			empty.className = 'picker-empty';
			empty.textContent = picker.getAttribute('data-empty');
			list.appendChild(empty);
			return;
		}
		items.forEach(function (item) {
			var li = document.createElement('li');
			var button = document.createElement('button');
			button.type = 'button';
			button.className = 'picker-choice';
			button.setAttribute('role', 'option');
			var name = document.createElement('strong');
			name.textContent = item.name;
			var meta = document.createElement('small');
			meta.textContent = [item.creditCode, item.areaName, item.industryName].filter(Boolean).join(' · ');
			button.appendChild(name);
			button.appendChild(meta);
			button.addEventListener('click', function () {
				chip(picker, item);
			});
			li.appendChild(button);
			list.appendChild(li);
		});
	}

	function search(picker) {
		var params = new URLSearchParams();
		params.set('q', picker.querySelector('.picker-q').value);
		params.set('area', picker.querySelector('.picker-area').value);
		params.set('industry', picker.querySelector('.picker-industry').value);
		var seq = (picker._seq = (picker._seq || 0) + 1);
		fetch(picker.getAttribute('data-url') + '?' + params.toString(), {
			headers: { Accept: 'application/json' },
			credentials: 'same-origin'
		})
			.then(function (r) {
				return r.ok ? r.json() : [];
			})
			.then(function (items) {
				if (seq === picker._seq) {
					render(picker, items);
				}
			});
	}

	function init(picker) {
		if (picker.getAttribute('data-ready') === 'true') {
			return;
		}
		picker.setAttribute('data-ready', 'true');
		var timer;
		var later = function () {
			clearTimeout(timer);
			timer = setTimeout(function () {
				search(picker);
			}, 250);
		};
		var q = picker.querySelector('.picker-q');
		q.addEventListener('input', later);
		q.addEventListener('keydown', function (e) {
			if (e.key === 'Enter') {
				e.preventDefault();
				search(picker);
			}
		});
		picker.querySelector('.picker-area').addEventListener('change', later);
		picker.querySelector('.picker-industry').addEventListener('change', later);
		picker.querySelector('.chips').addEventListener('click', function (e) {
			var button = e.target.closest('.chip-remove');
			if (button) {
				button.closest('.chip').remove();
			}
		});
		search(picker);
	}

	function start() {
		document.querySelectorAll('.enterprise-picker').forEach(init);
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	}
	else {
		start();
	}
})();
