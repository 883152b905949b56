package io.parkops.enterprise.internal;

import io.parkops.enterprise.EnterpriseEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the events work lines publish about an enterprise on its timeline, within the
 * transaction that published them: the entry exists exactly when the change does.
 */
@Component
class TimelineListener {

	private final EnterpriseService enterprises;

	TimelineListener(EnterpriseService enterprises) {
		this.enterprises = enterprises;
	}

	@EventListener
	void on(EnterpriseEvent event) {
		String argument = event.summaryArgument();
		// the page splits the stored summary at its first colon into key and argument, so
		// the argument keeps any colon of its own
		String summary = (argument != null) ? event.summaryKey() + ":" + argument : event.summaryKey();
		this.enterprises.record(event.creditCode(), event.occurredAt(), event.module(), summary, event.link());
	}

}
