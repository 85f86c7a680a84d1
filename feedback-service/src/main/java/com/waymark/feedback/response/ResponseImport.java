package com.waymark.feedback.response;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import com.waymark.feedback.survey.Question;
import com.waymark.feedback.survey.QuestionKind;
import com.waymark.feedback.survey.Survey;
import com.waymark.feedback.survey.SurveyStatus;
import com.waymark.platform.error.ApiException;
import com.waymark.platform.error.ConflictException;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ProblemTypes;
import com.waymark.platform.error.ValidationException;

/**
 * Loads responses collected elsewhere from CSV: a header row {@code submissionId,submittedAt,lang,segment,
 * <questionId>...} (columns in any order; {@code lang}, {@code segment}, {@code channel}, {@code externalId}
 * and {@code email} optional),
 * then one response per row. Good rows are stored and announced like live ones; bad rows are reported
 * with the reason; rows whose submission id is already stored count as duplicates, so an import can be
 * repeated safely.
 */
@Service
class ResponseImport {

    static final int MAX_ROWS = 10_000;
    static final String SUBMISSION_ID = "submissionId";
    static final String SUBMITTED_AT = "submittedAt";
    static final String LANG = "lang";
    static final String SEGMENT = "segment";
    static final String CHANNEL = "channel";
    static final String EXTERNAL_ID = "externalId";
    /** The respondent's e-mail, unless the survey has a question with this id (then that question's answer). */
    static final String EMAIL = "email";
    /** Multiple-choice cells list option ids separated by this. */
    static final String CHOICE_SEPARATOR = "|";
    /** Clocks differ a little; a time further ahead than this is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Schema(name = "ImportReport")
    record Report(int accepted, int duplicates, List<Rejected> rejected) {
    }

    @Schema(name = "RejectedRow")
    record Rejected(@Schema(description = "record number in the file; the header is 1") int row, String reason) {
    }

    private final Responses responses;
    private final Clock clock = Clock.systemUTC();

    ResponseImport(Responses responses) {
        this.responses = responses;
    }

    @Transactional
    public Report importCsv(Survey survey, String csv) {
        if (survey.status() == SurveyStatus.DRAFT) {
            throw new ConflictException("status", "Publish the survey before importing responses: a draft's questions may still change");
        }
        List<List<String>> records;
        try {
            records = CsvParser.parse(csv);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("body", "is not valid CSV: " + e.getMessage());
        }
        if (records.isEmpty() || records.get(0).isEmpty()) {
            throw new ValidationException("body", "must start with a header row: submissionId,submittedAt,lang,segment,<questionId>...");
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.TOO_LARGE, "Too large",
                    "An import holds at most " + MAX_ROWS + " rows; split the file");
        }
        Header header = header(survey, records.get(0));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int accepted = 0;
        int duplicates = 0;
        List<Rejected> rejected = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int index = 1; index < records.size(); index++) {
            List<String> record = records.get(index);
            if (record.isEmpty() || record.size() == 1 && record.get(0).isBlank()) {
                continue; // blank line
            }
            int row = index + 1;
            if (record.size() != header.columns().size()) {
                rejected.add(new Rejected(row, "has " + record.size() + " fields; the header has " + header.columns().size()));
                continue;
            }
            List<FieldProblem> problems = new ArrayList<>();
            StoredResponse response = response(survey, header, record, now, problems);
            if (!problems.isEmpty() || response == null) {
                rejected.add(new Rejected(row, problems.stream()
                        .map(problem -> problem.field() + ": " + problem.message()).collect(Collectors.joining("; "))));
            } else if (!seen.add(response.submissionId()) || !responses.store(response, survey.journeyId())) {
                duplicates++;
            } else {
                accepted++;
            }
        }
        return new Report(accepted, duplicates, rejected);
    }

    private record Header(List<String> columns, Map<String, Integer> index) {

        @Nullable String cell(List<String> record, String column) {
            Integer at = index.get(column);
            return at == null ? null : record.get(at);
        }
    }

    private static Header header(Survey survey, List<String> given) {
        List<String> columns = given.stream().map(String::strip).toList();
        Map<String, Integer> index = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> fixed = Set.of(SUBMISSION_ID, SUBMITTED_AT, LANG, SEGMENT, CHANNEL, EXTERNAL_ID, EMAIL);
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (index.putIfAbsent(column, i) != null) {
                problems.add(new FieldProblem("header", "column '" + column + "' appears twice"));
            } else if (!fixed.contains(column) && survey.content().question(column).isEmpty()) {
                problems.add(new FieldProblem("header", "column '" + column + "' is not a question of this survey"
                        + " (known columns: " + SUBMISSION_ID + ", " + SUBMITTED_AT + ", " + LANG + ", " + SEGMENT + ", "
                        + CHANNEL + ", " + EXTERNAL_ID + ", " + EMAIL + " and the question ids)"));
            }
        }
        for (String required : List.of(SUBMISSION_ID, SUBMITTED_AT)) {
            if (!index.containsKey(required)) {
                problems.add(new FieldProblem("header", "needs a column '" + required + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Header(columns, index);
    }

    private static @Nullable StoredResponse response(Survey survey, Header header, List<String> record, Instant now,
            List<FieldProblem> problems) {
        UUID submissionId = null;
        String submission = header.cell(record, SUBMISSION_ID);
        try {
            submissionId = UUID.fromString(String.valueOf(submission).strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(SUBMISSION_ID, "must be a UUID"));
        }
        Instant submittedAt = instant(String.valueOf(header.cell(record, SUBMITTED_AT)).strip());
        if (submittedAt == null) {
            problems.add(new FieldProblem(SUBMITTED_AT, "must be an ISO-8601 UTC time such as 2026-01-31T09:30:00Z"));
        } else if (submittedAt.isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new FieldProblem(SUBMITTED_AT, "must not be in the future"));
        }
        String lang = survey.content().defaultLanguage();
        String givenLang = header.cell(record, LANG);
        if (givenLang != null && !givenLang.isBlank()) {
            lang = survey.content().language(givenLang).orElse(null);
            if (lang == null) {
                problems.add(new FieldProblem(LANG, "must be one of the survey's languages: "
                        + String.join(", ", survey.content().languages())));
            }
        }
        String segment = Responses.limited(header.cell(record, SEGMENT), SEGMENT, Responses.MAX_SEGMENT, problems);
        String channel = Responses.limited(header.cell(record, CHANNEL), CHANNEL, Responses.MAX_CHANNEL, problems);
        String externalId = Responses.limited(header.cell(record, EXTERNAL_ID), EXTERNAL_ID, Responses.MAX_EXTERNAL_ID, problems);
        String email = survey.content().question(EMAIL).isPresent() ? null
                : Responses.limited(header.cell(record, EMAIL), EMAIL, Responses.MAX_EMAIL, problems);
        if (email != null && !Responses.EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem(EMAIL, "must be an email address"));
        }
        List<AnswerInput> answers = new ArrayList<>();
        for (Question question : survey.content().questions()) {
            String cell = header.cell(record, question.id());
            if (cell != null) {
                answers.add(new AnswerInput(question.id(), value(question, cell)));
            }
        }
        List<StoredAnswer> stored = AnswerRules.check(survey.content(), new ArrayList<>(answers), csvPaths(answers), problems);
        if (!problems.isEmpty() || submissionId == null || submittedAt == null || lang == null) {
            return null;
        }
        return new StoredResponse(survey.tenantId(), survey.workspaceId(), ResponseIds.at(submittedAt), survey.id(),
                survey.touchpointId(), submissionId, submittedAt, now, lang, segment, channel, null, externalId, email,
                StoredResponse.IMPORT, stored);
    }

    private static @Nullable Instant instant(String value) {
        try {
            return Instant.parse(value).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException notAnOffsetTime) {
                return null;
            }
        }
    }

    /** A cell as the JSON value a respondent would have sent, so the same rules check both. */
    private static @Nullable JsonNode value(Question question, String cell) {
        String text = question.kind() == QuestionKind.TEXT ? cell : cell.strip();
        if (text.isBlank()) {
            return null;
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (question.kind()) {
            case NPS, CSAT, CES -> {
                try {
                    yield nodes.numberNode(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    yield nodes.stringNode(text);
                }
            }
            case MULTI_CHOICE -> {
                ArrayNode chosen = nodes.arrayNode();
                for (String option : text.split(Pattern.quote(CHOICE_SEPARATOR))) {
                    if (!option.isBlank()) {
                        chosen.add(option.strip());
                    }
                }
                yield chosen;
            }
            case TEXT, SINGLE_CHOICE -> nodes.stringNode(text);
        };
    }

    /** CSV problems name the column at fault. */
    private static AnswerRules.Paths csvPaths(List<AnswerInput> answers) {
        return new AnswerRules.Paths() {
            @Override
            public String answer(int index) {
                return column(index);
            }

            @Override
            public String questionId(int index) {
                return column(index);
            }

            @Override
            public String value(int index) {
                return column(index);
            }

            @Override
            public FieldProblem missing(String questionId) {
                return new FieldProblem(questionId, "is required");
            }

            private String column(int index) {
                return String.valueOf(answers.get(index).questionId());
            }
        };
    }
}
