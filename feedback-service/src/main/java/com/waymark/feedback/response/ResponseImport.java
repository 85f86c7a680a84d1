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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import com.waymark.feedback.quota.ResponseQuota;
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
 * <questionId>...} (columns in any order, renamed with a column mapping; {@code submissionId}, {@code lang},
 * {@code segment}, {@code channel}, {@code externalId} and {@code email} optional), then one response per row.
 * Every row is keyed: by its {@code submissionId}, or without that column by a hash of the survey and the
 * row's content, so importing the same file again stores nothing new and reports the rows as duplicates.
 * {@code per-row}: good rows are stored and announced like live ones, bad rows reported with the reason.
 * {@code all-or-nothing}: one bad row and nothing is stored (400 with the report of every row).
 * Either way the agency's responses-per-month quota must hold the new rows, or nothing is stored (409).
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
    static final List<String> FIELDS = List.of(SUBMISSION_ID, SUBMITTED_AT, LANG, SEGMENT, CHANNEL, EXTERNAL_ID, EMAIL);
    /** Multiple-choice cells list option ids separated by this. */
    static final String CHOICE_SEPARATOR = "|";
    /** A column mapped to this (or to nothing) is left out. */
    static final String IGNORE = "-";
    /** Clocks differ a little; a time further ahead than this is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** How rows that break the rules affect the others. */
    enum Mode {
        /** good rows are stored, bad ones reported */
        PER_ROW("per-row"),
        /** one bad row and nothing is stored */
        ALL_OR_NOTHING("all-or-nothing");

        private final String value;

        Mode(String value) {
            this.value = value;
        }

        String value() {
            return value;
        }

        static Mode of(@Nullable String value) {
            if (value == null || value.isBlank()) {
                return PER_ROW;
            }
            for (Mode mode : values()) {
                if (mode.value.equals(value.strip())) {
                    return mode;
                }
            }
            throw new ValidationException("mode", "must be per-row or all-or-nothing");
        }
    }

    static final String ACCEPTED = "accepted";
    static final String DUPLICATE = "duplicate";
    static final String REJECTED = "rejected";
    /** all-or-nothing only: a good row not stored because others were rejected */
    static final String NOT_STORED = "not-stored";

    @Schema(name = "ImportReport")
    record Report(@Schema(allowableValues = { "per-row", "all-or-nothing" }) String mode, int accepted, int duplicates,
            List<Rejected> rejected,
            @Schema(description = "every data row's outcome, in file order") List<RowOutcome> rows) {
    }

    @Schema(name = "RejectedRow")
    record Rejected(@Schema(description = "record number in the file; the header is 1") int row, String reason) {
    }

    @Schema(name = "ImportRowOutcome")
    record RowOutcome(@Schema(description = "record number in the file; the header is 1") int row,
            @Schema(allowableValues = { ACCEPTED, DUPLICATE, REJECTED, NOT_STORED }) String outcome,
            @Schema(description = "why it was rejected or not stored") @Nullable String reason,
            @Schema(description = "the row's key: its submissionId, or one derived from the survey and the row's content")
            @Nullable UUID submissionId,
            @Schema(description = "the stored response (accepted rows)") @Nullable UUID responseId) {
    }

    /** all-or-nothing with rejected rows: 400 naming each, with the full report; nothing was stored. */
    static final class Rejection extends ApiException {

        private final transient Report report;

        Rejection(Report report) {
            super(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                    report.rejected().size() + " row(s) were rejected; with mode=all-or-nothing nothing was stored",
                    report.rejected().stream().map(r -> new FieldProblem("row " + r.row(), r.reason())).toList());
            this.report = report;
        }

        Report report() {
            return report;
        }
    }

    private final Responses responses;
    private final ResponseQuota quota;
    private final Clock clock = Clock.systemUTC();

    ResponseImport(Responses responses, ResponseQuota quota) {
        this.responses = responses;
        this.quota = quota;
    }

    /** A row that passed the rules, waiting to be stored. */
    private record Valid(int row, StoredResponse response) {
    }

    @Transactional
    public Report importCsv(Survey survey, String csv, Mode mode, Map<String, String> mapping) {
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
        Header header = header(survey, records.get(0), mapping);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // first every row is checked, nothing written: all-or-nothing decides before storing anything
        List<RowOutcome> outcomes = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        List<Valid> valid = new ArrayList<>();
        for (int index = 1; index < records.size(); index++) {
            List<String> record = records.get(index);
            if (record.isEmpty() || record.size() == 1 && record.get(0).isBlank()) {
                continue; // blank line
            }
            int row = index + 1;
            if (record.size() != header.columns().size()) {
                reject(outcomes, rejected, row, "has " + record.size() + " fields; the header has " + header.columns().size());
                continue;
            }
            List<FieldProblem> problems = new ArrayList<>();
            StoredResponse response = response(survey, header, record, now, problems);
            if (!problems.isEmpty() || response == null) {
                reject(outcomes, rejected, row, problems.stream()
                        .map(problem -> problem.field() + ": " + problem.message()).collect(Collectors.joining("; ")));
            } else {
                valid.add(new Valid(row, response));
                outcomes.add(null); // decided below
            }
        }
        if (mode == Mode.ALL_OR_NOTHING && !rejected.isEmpty()) {
            fill(outcomes, valid, v -> new RowOutcome(v.row(), NOT_STORED,
                    "valid, but not stored: other rows were rejected (mode=all-or-nothing)", v.response().submissionId(), null));
            throw new Rejection(new Report(mode.value(), 0, 0, rejected, outcomes));
        }
        int accepted = 0;
        int duplicates = 0;
        Set<UUID> seen = new HashSet<>();
        List<RowOutcome> stored = new ArrayList<>();
        for (Valid row : valid) {
            StoredResponse response = row.response();
            if (!seen.add(response.submissionId()) || !responses.store(response, survey.journeyId())) {
                duplicates++;
                stored.add(new RowOutcome(row.row(), DUPLICATE, null, response.submissionId(), null));
            } else {
                accepted++;
                stored.add(new RowOutcome(row.row(), ACCEPTED, null, response.submissionId(), response.id()));
            }
        }
        // over the plan's monthly quota: the exception rolls this transaction back, nothing stays stored
        quota.consume(survey.tenantId(), accepted);
        var next = stored.iterator();
        fill(outcomes, valid, v -> next.next());
        return new Report(mode.value(), accepted, duplicates, rejected, outcomes);
    }

    private static void reject(List<RowOutcome> outcomes, List<Rejected> rejected, int row, String reason) {
        rejected.add(new Rejected(row, reason));
        outcomes.add(new RowOutcome(row, REJECTED, reason, null, null));
    }

    /** Puts the outcomes of the valid rows into their places (the nulls), in file order. */
    private static void fill(List<RowOutcome> outcomes, List<Valid> valid, java.util.function.Function<Valid, RowOutcome> outcome) {
        var rows = valid.iterator();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == null) {
                outcomes.set(i, outcome.apply(rows.next()));
            }
        }
    }

    /** The file's columns under the names they are imported as (after the mapping); ignored ones absent. */
    private record Header(List<String> columns, Map<String, Integer> index) {

        @Nullable String cell(List<String> record, String column) {
            Integer at = index.get(column);
            return at == null ? null : record.get(at);
        }
    }

    private static Header header(Survey survey, List<String> given, Map<String, String> mapping) {
        List<String> columns = given.stream().map(String::strip).toList();
        Map<String, Integer> index = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String mapped : mapping.keySet()) {
            if (!columns.contains(mapped)) {
                problems.add(new FieldProblem("map." + mapped, "is not a column of the file's header"));
            }
        }
        for (Map.Entry<String, String> entry : mapping.entrySet()) {
            String target = entry.getValue().strip();
            if (!target.isEmpty() && !IGNORE.equals(target) && !FIELDS.contains(target)
                    && survey.content().question(target).isEmpty()) {
                problems.add(new FieldProblem("map." + entry.getKey(), "must be a question id of this survey, one of "
                        + String.join(", ", FIELDS) + ", or - (leave the column out)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String name = mapping.containsKey(column) ? mapping.get(column).strip() : column;
            if (name.isEmpty() || IGNORE.equals(name)) {
                continue;
            }
            if (index.putIfAbsent(name, i) != null) {
                problems.add(new FieldProblem("header", "column '" + name + "' appears twice"
                        + (name.equals(column) ? "" : " (after the mapping)")));
            } else if (!FIELDS.contains(name) && survey.content().question(name).isEmpty()) {
                problems.add(new FieldProblem("header", "column '" + column + "' is not a question of this survey"
                        + " (known columns: " + String.join(", ", FIELDS) + " and the question ids; map others with "
                        + "map.<column>=<questionId> or leave them out with map.<column>=-)"));
            }
        }
        if (!index.containsKey(SUBMITTED_AT)) {
            problems.add(new FieldProblem("header", "needs a column '" + SUBMITTED_AT + "'"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Header(columns, index);
    }

    /**
     * A row's key without a submissionId column: a UUID (version 8, name-based) from SHA-256 of the survey
     * and the row's imported columns with their cells, sorted by column name, so the same row keys the
     * same however the file orders or names (maps) its columns.
     */
    static UUID rowKey(UUID surveyId, Header header, List<String> record) {
        StringBuilder content = new StringBuilder("waymark.import.v1\u001e").append(surveyId);
        header.index().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(column -> content
                .append('\u001e').append(column.getKey()).append('\u001f').append(record.get(column.getValue())));
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        long msb = (bytes.getLong() & ~0xF000L) | 0x8000L;
        long lsb = (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static @Nullable StoredResponse response(Survey survey, Header header, List<String> record, Instant now,
            List<FieldProblem> problems) {
        UUID submissionId = null;
        String submission = header.cell(record, SUBMISSION_ID);
        if (submission == null) {
            submissionId = rowKey(survey.id(), header, record);
        } else {
            try {
                submissionId = UUID.fromString(submission.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(SUBMISSION_ID, "must be a UUID"));
            }
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
