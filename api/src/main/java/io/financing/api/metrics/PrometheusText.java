package io.financing.api.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a Prometheus text exposition ({@code /actuator/prometheus}), enough to sum and group them: how the
 * tools and the console read the metrics the services publish.
 */
public record PrometheusText(List<Sample> samples) {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line: a metric's name, its labels and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {

        public String label(String label) {
            return labels.getOrDefault(label, "");
        }
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int valueAt = line.lastIndexOf(' ');
            int labelsAt = line.indexOf('{');
            String name = labelsAt < 0 || labelsAt > valueAt ? line.substring(0, valueAt) : line.substring(0, labelsAt);
            Map<String, String> labels = new LinkedHashMap<>();
            if (labelsAt >= 0 && labelsAt < valueAt) {
                Matcher label = LABEL.matcher(line.substring(labelsAt, valueAt));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(name.trim(), labels, Double.parseDouble(line.substring(valueAt + 1))));
        }
        return new PrometheusText(List.copyOf(samples));
    }

    public List<Sample> named(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    public double sum(String name) {
        return named(name).stream().mapToDouble(Sample::value).filter(value -> !Double.isNaN(value)).sum();
    }

    /** The sum of the samples of that name whose label has that value: {@code outcome="rejected"}, say. */
    public double sum(String name, String label, String value) {
        return named(name).stream().filter(sample -> sample.label(label).equals(value)).mapToDouble(Sample::value)
                .filter(number -> !Double.isNaN(number)).sum();
    }
}
