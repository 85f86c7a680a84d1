package com.waymark.feedback.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ValidationException;

/** What makes a webhook well-formed; every problem is reported at once, naming its field. */
@Component
class WebhookRules {

    static final int MAX_DESCRIPTION = 500;

    private final WebhookTargets targets;

    WebhookRules(WebhookTargets targets) {
        this.targets = targets;
    }

    WebhookDraft validate(WebhookRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String url = request.url() == null ? "" : request.url().strip();
        if (url.isEmpty()) {
            problems.add(new FieldProblem("url", "must not be blank"));
        } else {
            targets.problem(url).ifPresent(problem -> problems.add(new FieldProblem("url", problem)));
        }
        String description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        List<String> events = Webhook.EVENT_TYPES;
        if (request.events() != null) {
            Set<String> chosen = new LinkedHashSet<>();
            for (int i = 0; i < request.events().size(); i++) {
                String event = request.events().get(i);
                if (event == null || !Webhook.EVENT_TYPES.contains(event)) {
                    problems.add(new FieldProblem("events[" + i + "]", "must be one of " + String.join(", ", Webhook.EVENT_TYPES)));
                } else {
                    chosen.add(event);
                }
            }
            if (request.events().isEmpty()) {
                problems.add(new FieldProblem("events", "must name at least one event type"));
            }
            events = List.copyOf(chosen);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new WebhookDraft(url, description, events, request.active() == null || request.active());
    }
}
