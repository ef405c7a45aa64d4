package io.mailflow.core.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Finds, in one pass over a text, which rules have a phrase in it: an Aho-Corasick automaton over
 * the folded phrases of all rules, compiled to a full transition table so that each character costs
 * one table lookup. Characters that occur in no phrase share one column. Immutable after
 * construction, so one instance serves every thread.
 */
final class PhraseMatcher {
    private static final int ROOT = 0;
    private static final int OTHER = 0;

    private final int[] asciiColumn = new int[128];
    private final char[] nonAsciiChars;
    private final int[] nonAsciiColumns;
    private final int columns;
    private final int[] next;
    private final int[][] rulesEndingAt;

    /**
     * @param phrasesByRule for each rule, in rule order, its folded phrases; the rule's index in
     *     this list is what {@link #lowestMatch} reports
     */
    PhraseMatcher(List<List<String>> phrasesByRule) {
        TreeSet<Character> alphabet = new TreeSet<>();
        phrasesByRule.forEach(
                ps -> ps.forEach(p -> p.chars().forEach(c -> alphabet.add((char) c))));
        List<Character> nonAscii = new ArrayList<>();
        int column = 1;
        for (char c : alphabet) {
            if (c < 128) {
                asciiColumn[c] = column++;
            } else {
                nonAscii.add(c);
            }
        }
        nonAsciiChars = new char[nonAscii.size()];
        nonAsciiColumns = new int[nonAscii.size()];
        for (int i = 0; i < nonAscii.size(); i++) {
            nonAsciiChars[i] = nonAscii.get(i);
            nonAsciiColumns[i] = column++;
        }
        columns = column;

        Trie trie = new Trie();
        for (int rule = 0; rule < phrasesByRule.size(); rule++) {
            for (String phrase : phrasesByRule.get(rule)) {
                trie.add(phrase, rule);
            }
        }
        next = new int[trie.size() * columns];
        rulesEndingAt = new int[trie.size()][];
        link(trie);
    }

    /** The number of states of the automaton, for tests and benchmarks. */
    int states() {
        return rulesEndingAt.length;
    }

    /**
     * The lowest index of a rule that has a phrase in the text and that {@code accepts}, if it is
     * lower than {@code below}; else {@code below}. The text is folded on the fly.
     */
    int lowestMatch(String text, int below, IntPredicate accepts) {
        int best = below;
        int state = ROOT;
        boolean lastWasSpace = true;
        for (int i = 0; i < text.length() && best > 0; i++) {
            char c = TextFold.fold(text.charAt(i));
            boolean space = c == TextFold.SPACE;
            if (space && lastWasSpace) {
                continue;
            }
            lastWasSpace = space;
            state = next[state * columns + column(c)];
            int[] rules = rulesEndingAt[state];
            if (rules != null) {
                best = lowestAccepted(rules, best, accepts);
            }
        }
        return best;
    }

    private static int lowestAccepted(int[] rules, int best, IntPredicate accepts) {
        for (int rule : rules) {
            if (rule >= best) {
                return best;
            }
            if (accepts.test(rule)) {
                return rule;
            }
        }
        return best;
    }

    private int column(char c) {
        if (c < 128) {
            return asciiColumn[c];
        }
        int at = Arrays.binarySearch(nonAsciiChars, c);
        return at >= 0 ? nonAsciiColumns[at] : OTHER;
    }

    /** Fills the transition table and the rules ending at each state, breadth first. */
    private void link(Trie trie) {
        int[] fail = new int[trie.size()];
        Queue<Integer> queue = new ArrayDeque<>();
        queue.add(ROOT);
        while (!queue.isEmpty()) {
            int state = queue.remove();
            TreeSet<Integer> rules = new TreeSet<>(trie.rules.get(state));
            if (state != ROOT) {
                addAll(rules, rulesEndingAt[fail[state]]);
            }
            rulesEndingAt[state] = rules.isEmpty() ? null : toArray(rules);
            for (int col = 0; col < columns; col++) {
                int child = trie.children.get(state)[col];
                int fallback = state == ROOT ? ROOT : next[fail[state] * columns + col];
                if (child > ROOT) {
                    fail[child] = fallback;
                    queue.add(child);
                }
                next[state * columns + col] = child > ROOT ? child : fallback;
            }
        }
    }

    private static void addAll(TreeSet<Integer> into, int[] rules) {
        if (rules != null) {
            Arrays.stream(rules).forEach(into::add);
        }
    }

    private static int[] toArray(TreeSet<Integer> rules) {
        return rules.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The keyword tree before failure links: children by column, rules whose phrase ends. */
    private final class Trie {
        final List<int[]> children = new ArrayList<>();
        final List<List<Integer>> rules = new ArrayList<>();

        Trie() {
            newState();
        }

        int size() {
            return children.size();
        }

        void add(String phrase, int rule) {
            int state = ROOT;
            for (int i = 0; i < phrase.length(); i++) {
                int col = column(phrase.charAt(i));
                int child = children.get(state)[col];
                if (child == ROOT) {
                    child = newState();
                    children.get(state)[col] = child;
                }
                state = child;
            }
            rules.get(state).add(rule);
        }

        private int newState() {
            children.add(new int[columns]);
            rules.add(new ArrayList<>());
            return children.size() - 1;
        }
    }
}
