package com.waymark.feedback.followup;

import java.util.List;
import java.util.Optional;
import com.waymark.feedback.response.ResponseReceived.Score;
import com.waymark.feedback.survey.QuestionKind;

/**
 * Which answers call for a follow-up (DOMAIN.md): an NPS detractor (0–6) or a CSAT answer of 1 or 2
 * (dissatisfied). CES has no agreed detractor band, so it opens nothing.
 */
final class DetractorRule {

    static final int NPS_DETRACTOR_MAX = 6;
    static final int CSAT_DISSATISFIED_MAX = 2;

    private DetractorRule() {
    }

    static boolean isDetractor(Score score) {
        return switch (score.kind()) {
            case NPS -> score.score() <= NPS_DETRACTOR_MAX;
            case CSAT -> score.score() <= CSAT_DISSATISFIED_MAX;
            default -> false;
        };
    }

    /** The first detractor answer in question order, if any. */
    static Optional<Score> firstDetractor(List<Score> scores) {
        return scores.stream().filter(DetractorRule::isDetractor).findFirst();
    }

    /** A title that says why the case exists without repeating anything the respondent wrote. */
    static String title(Score score, String surveyName) {
        String kind = score.kind() == QuestionKind.NPS ? "NPS" : score.kind().value().toUpperCase(java.util.Locale.ROOT);
        String title = "Detractor: " + kind + " " + score.score() + " on \u201c" + surveyName + "\u201d";
        return title.length() > CaseRules.MAX_TITLE ? title.substring(0, CaseRules.MAX_TITLE - 1) + "\u2026" : title;
    }
}
