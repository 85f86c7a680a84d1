package com.waymark.feedback.response;

import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.survey.Question;
import com.waymark.feedback.survey.Surveys;

/**
 * Responses as CSV, in the columns {@link ResponseImport} reads ({@code submissionId, submittedAt, lang,
 * segment, channel}, then one column per question id), so a survey's export can be imported again.
 * Streams every matching response from one consistent snapshot, newest first.
 */
@Service
class ResponseExport {

    static final List<String> FIXED_COLUMNS = List.of(ResponseImport.SUBMISSION_ID, ResponseImport.SUBMITTED_AT,
            ResponseImport.LANG, ResponseImport.SEGMENT, ResponseImport.CHANNEL);

    private final ResponseRepository repository;
    private final Surveys surveys;

    ResponseExport(ResponseRepository repository, Surveys surveys) {
        this.repository = repository;
        this.surveys = surveys;
    }

    @Transactional(readOnly = true)
    public void write(UUID workspaceId, ResponseFilter filter, Writer out) {
        filter.check();
        // the filtered survey's questions in its order, then any other question the responses answer
        Set<String> questions = new LinkedHashSet<>();
        if (filter.surveyId() != null) {
            surveys.find(workspaceId, filter.surveyId())
                    .ifPresent(survey -> survey.content().questions().stream().map(Question::id).forEach(questions::add));
        }
        questions.addAll(repository.questionIds(workspaceId, filter));
        CsvWriter csv = new CsvWriter(out);
        List<@Nullable String> header = new ArrayList<>(FIXED_COLUMNS);
        header.addAll(questions);
        csv.row(header);
        repository.forEach(workspaceId, filter, response -> csv.row(row(response, questions)));
    }

    private static List<@Nullable String> row(StoredResponse response, Set<String> questions) {
        List<@Nullable String> cells = new ArrayList<>(FIXED_COLUMNS.size() + questions.size());
        cells.add(response.submissionId().toString());
        cells.add(DateTimeFormatter.ISO_INSTANT.format(response.submittedAt()));
        cells.add(response.lang());
        cells.add(response.segment());
        cells.add(response.channel());
        Map<String, StoredAnswer> answers = response.answers().stream()
                .collect(Collectors.toMap(StoredAnswer::questionId, Function.identity(), (a, b) -> a));
        for (String question : questions) {
            StoredAnswer answer = answers.get(question);
            cells.add(answer == null || answer.skipped() ? null : text(answer.value()));
        }
        return cells;
    }

    /** A value as an import reads it back: the number, the text, the option id, option ids joined by {@code |}. */
    static @Nullable String text(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> options = new ArrayList<>();
            value.forEach(option -> options.add(option.asString()));
            return String.join(ResponseImport.CHOICE_SEPARATOR, options);
        }
        return value.isString() ? value.stringValue() : value.toString();
    }
}
