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
 * one lookup. Folding is built into the column of each character, so upper and lower case share a
 * column and the text is never copied. Characters that occur in no phrase share one column.
 * Immutable after construction, so one instance serves every thread.
 */
final class PhraseMatcher {
    private static final int OTHER = 0;
    private static final int SPACE = 1;

    private final int[] asciiColumn = new int[128];
    private final char[] nonAsciiChars;
    private final int[] nonAsciiColumns;
    private final int columns;

    /**
     * The transition table, by row offset ({@code state * columns}) plus column. An entry is the
     * next state's row offset, or its bitwise complement when rules end in that state, so that the
     * common case costs no second lookup.
     */
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
        alphabet.remove(TextFold.SPACE);
        List<Character> nonAscii = alphabet.stream().filter(c -> c >= 128).toList();
        nonAsciiChars = new char[nonAscii.size()];
        nonAsciiColumns = new int[nonAscii.size()];
        int column = SPACE + 1;
        for (int i = 0; i < nonAscii.size(); i++) {
            nonAsciiChars[i] = nonAscii.get(i);
            nonAsciiColumns[i] = column++;
        }
        columns = assignAsciiColumns(alphabet, column);

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
     * lower than {@code below}; else {@code below}. The text is folded as it is read.
     */
    int lowestMatch(String text, int below, IntPredicate accepts) {
        int best = below;
        int row = 0;
        boolean lastWasSpace = true;
        for (int i = 0; i < text.length() && best > 0; i++) {
            char c = text.charAt(i);
            int column = c < 128 ? asciiColumn[c] : nonAsciiColumn(c);
            if (column == SPACE) {
                if (lastWasSpace) {
                    continue;
                }
                lastWasSpace = true;
            } else {
                lastWasSpace = false;
            }
            int target = next[row + column];
            if (target < 0) {
                row = ~target;
                best = lowestAccepted(rulesEndingAt[row / columns], best, accepts);
            } else {
                row = target;
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

    /** Gives every ASCII character the column of its folded form; returns the column count. */
    private int assignAsciiColumns(TreeSet<Character> alphabet, int firstFree) {
        int column = firstFree;
        for (char c : alphabet) {
            if (c < 128) {
                asciiColumn[c] = column++;
            }
        }
        for (char c = 0; c < 128; c++) {
            char folded = TextFold.fold(c);
            asciiColumn[c] = folded == TextFold.SPACE ? SPACE : asciiColumn[folded];
        }
        return column;
    }

    private int nonAsciiColumn(char c) {
        char folded = TextFold.fold(c);
        if (folded < 128) {
            return asciiColumn[folded];
        }
        int at = Arrays.binarySearch(nonAsciiChars, folded);
        return at >= 0 ? nonAsciiColumns[at] : OTHER;
    }

    private int column(char folded) {
        return folded < 128 ? asciiColumn[folded] : nonAsciiColumn(folded);
    }

    /** Fills the transition table and the rules ending at each state, breadth first. */
    private void link(Trie trie) {
        int[] fail = new int[trie.size()];
        int[] target = new int[trie.size() * columns];
        Queue<Integer> queue = new ArrayDeque<>();
        queue.add(Trie.ROOT);
        while (!queue.isEmpty()) {
            int state = queue.remove();
            TreeSet<Integer> rules = new TreeSet<>(trie.rules.get(state));
            if (state != Trie.ROOT) {
                addAll(rules, rulesEndingAt[fail[state]]);
            }
            rulesEndingAt[state] = rules.isEmpty() ? null : toArray(rules);
            for (int col = 0; col < columns; col++) {
                int child = trie.children.get(state)[col];
                int fallback = state == Trie.ROOT ? Trie.ROOT : target[fail[state] * columns + col];
                if (child != Trie.ROOT) {
                    fail[child] = fallback;
                    queue.add(child);
                }
                target[state * columns + col] = child != Trie.ROOT ? child : fallback;
            }
        }
        for (int i = 0; i < target.length; i++) {
            int row = target[i] * columns;
            next[i] = rulesEndingAt[target[i]] == null ? row : ~row;
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
        static final int ROOT = 0;

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
