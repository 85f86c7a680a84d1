package com.waymark.feedback.respondent;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The page's own words (not the survey's) in the languages we ship; others get English. Scale
 * anchors follow DOMAIN.md: NPS likelihood, CSAT satisfaction, CES 2.0 agreement ("made it easy").
 */
record PageTexts(String submit, String required, String requiredHint, String thankYou, String sending, String failed,
        String npsLow, String npsHigh, String csatLow, String csatHigh, String cesLow, String cesHigh, String language,
        String notFound, String closed, String suspended) {

    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

    private static final PageTexts EN = new PageTexts("Submit", "Please answer this question.",
            "Questions marked * are required.", "Thank you for your feedback!", "Sending…",
            "Your answers could not be sent. Please try again.", "Not at all likely", "Extremely likely",
            "Very dissatisfied", "Very satisfied", "Strongly disagree", "Strongly agree", "Language",
            "This survey does not exist.", "This survey is closed. Thank you for your interest.",
            "This survey is not available at the moment.");

    private static final Map<String, PageTexts> BY_LANGUAGE = Map.of(
            "en", EN,
            "de", new PageTexts("Absenden", "Bitte beantworten Sie diese Frage.",
                    "Mit * markierte Fragen sind Pflichtfragen.", "Vielen Dank für Ihr Feedback!", "Wird gesendet…",
                    "Ihre Antworten konnten nicht gesendet werden. Bitte versuchen Sie es erneut.",
                    "Überhaupt nicht wahrscheinlich", "Äußerst wahrscheinlich", "Sehr unzufrieden", "Sehr zufrieden",
                    "Stimme überhaupt nicht zu", "Stimme voll und ganz zu", "Sprache",
                    "Diese Umfrage gibt es nicht.", "Diese Umfrage ist beendet. Vielen Dank für Ihr Interesse.",
                    "Diese Umfrage ist derzeit nicht verfügbar."),
            "fr", new PageTexts("Envoyer", "Veuillez répondre à cette question.",
                    "Les questions marquées d’un * sont obligatoires.", "Merci pour votre avis !", "Envoi…",
                    "Vos réponses n’ont pas pu être envoyées. Veuillez réessayer.", "Pas du tout probable",
                    "Extrêmement probable", "Très insatisfait", "Très satisfait", "Pas du tout d’accord",
                    "Tout à fait d’accord", "Langue", "Cette enquête n’existe pas.",
                    "Cette enquête est close. Merci de votre intérêt.", "Cette enquête n’est pas disponible pour le moment."),
            "es", new PageTexts("Enviar", "Responda a esta pregunta.", "Las preguntas marcadas con * son obligatorias.",
                    "¡Gracias por sus comentarios!", "Enviando…",
                    "No se pudieron enviar sus respuestas. Inténtelo de nuevo.", "Nada probable", "Muy probable",
                    "Muy insatisfecho", "Muy satisfecho", "Totalmente en desacuerdo", "Totalmente de acuerdo", "Idioma",
                    "Esta encuesta no existe.", "Esta encuesta está cerrada. Gracias por su interés.",
                    "Esta encuesta no está disponible en este momento."),
            "nl", new PageTexts("Versturen", "Beantwoord deze vraag.", "Vragen met een * zijn verplicht.",
                    "Bedankt voor je feedback!", "Bezig met versturen…",
                    "Je antwoorden konden niet worden verstuurd. Probeer het opnieuw.", "Helemaal niet waarschijnlijk",
                    "Zeer waarschijnlijk", "Zeer ontevreden", "Zeer tevreden", "Helemaal mee oneens",
                    "Helemaal mee eens", "Taal", "Deze enquête bestaat niet.",
                    "Deze enquête is gesloten. Bedankt voor je interesse.", "Deze enquête is momenteel niet beschikbaar."));

    static PageTexts of(String language) {
        return BY_LANGUAGE.getOrDefault(primary(language), EN);
    }

    /** Whether the page has its own words in {@code language} (a well-formed tag of a shipped language). */
    static boolean supported(@Nullable String language) {
        return language != null && TAG.matcher(language).matches() && BY_LANGUAGE.containsKey(primary(language));
    }

    private static String primary(String language) {
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
