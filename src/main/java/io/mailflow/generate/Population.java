package io.mailflow.generate;

import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The people, domains and addresses of one host: local mailboxes on the host's own domains, the
 * remote contacts they write to, and the networks they connect from. All of it is ASCII.
 */
final class Population {
    private static final String[] FIRST_NAMES = {
        "mary", "john", "linda", "james", "susan", "robert", "karen", "michael", "lisa", "david",
        "nancy", "william", "betty", "richard", "helen", "thomas", "sandra", "mark", "donna",
        "paul", "carol", "steven", "ruth", "kevin", "sharon", "brian", "laura", "george", "amy",
        "edward", "anna", "ronald", "julie", "peter", "joan", "frank", "diane", "scott", "alice",
        "eric", "kelly", "greg", "heather", "ray", "gloria", "sam", "irene", "dan", "rosa", "tim"
    };
    private static final String[] LAST_NAMES = {
        "smith",
        "jones",
        "brown",
        "miller",
        "davis",
        "garcia",
        "wilson",
        "moore",
        "taylor",
        "anderson",
        "thomas",
        "jackson",
        "white",
        "harris",
        "martin",
        "thompson",
        "young",
        "allen",
        "king",
        "wright",
        "lopez",
        "hill",
        "scott",
        "green",
        "adams",
        "baker",
        "nelson",
        "carter",
        "mitchell",
        "perez",
        "roberts",
        "turner",
        "phillips",
        "campbell",
        "parker",
        "evans",
        "edwards",
        "collins",
        "stewart",
        "morris",
        "rogers",
        "reed",
        "cook",
        "morgan",
        "bell",
        "murphy",
        "bailey",
        "rivera",
        "cooper",
        "howard",
        "ward",
        "cox",
        "diaz",
        "gray"
    };
    private static final String[] ROLES = {
        "support", "info", "sales", "webmaster", "admin", "office", "billing", "editor", "help"
    };
    private static final String[] WORDS = {
        "river", "maple", "cedar", "blue", "finch", "harbor", "summit", "prairie", "copper",
        "lantern", "meadow", "granite", "willow", "beacon", "falcon", "orchard", "canyon", "silver",
        "pine", "coast", "valley", "north", "forum", "craft", "garden", "stone", "bridge", "cove",
        "ridge", "field", "lake", "spring", "oak", "harvest", "echo", "atlas", "delta", "tide",
        "birch", "quill", "ember", "aspen", "crest", "glen", "hollow", "bay"
    };
    private static final String[] TLDS = {
        "com", "com", "com", "net", "net", "org", "org", "edu", "co.uk", "de", "ca", "com.au"
    };
    private static final String[] MAILBOX_PROVIDERS = {
        "aol.com", "hotmail.com", "yahoo.com", "earthlink.net", "comcast.net", "msn.com",
        "mac.com", "verizon.net", "att.net", "cox.net", "juno.com", "netscape.net"
    };
    private static final String[] NOTICE_NAMES = {
        "notify", "digest", "noreply", "forum-notices", "subscriptions", "newsletter"
    };
    private static final int[] PUBLIC_FIRST_OCTETS = {
        24, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 80, 81, 82, 83, 84, 85, 193, 194, 195, 200, 203,
        206, 207, 208, 209, 212, 213, 216, 217, 218, 219, 220
    };

    /** Share of remote recipients drawn fresh rather than from the contacts. */
    private static final double FRESH_RECIPIENT_SHARE = 0.3;

    /** Share of remote addresses written with capitals, e.g. {@code Mary.Jones@Example.com}. */
    private static final double CAPITALISED_SHARE = 0.03;

    private final SplittableRandom random;
    private final String serverIp;
    private final String[] localDomains;
    private final String[] localUsers;
    private final String[] remoteDomains;
    private final String[] contacts;
    private final String[] clientIps;

    /** A population sized for a host that sends {@code messages} messages. */
    Population(SplittableRandom random, int messages) {
        this.random = random;
        this.serverIp = publicIp();
        this.localDomains = domains(1 + random.nextInt(3));
        this.localUsers = localMailboxes(clamp(messages / 15, 40, 5_000));
        this.remoteDomains = remoteDomains(clamp(messages / 10, 60, 2_000));
        this.contacts = remoteAddresses(clamp(messages / 2, 200, 50_000));
        this.clientIps = ips(clamp(localUsers.length / 2, 20, 2_500));
    }

    /** The host's own public address. */
    String serverIp() {
        return serverIp;
    }

    /** A mailbox on one of the host's domains. */
    String localUser() {
        return pick(localUsers);
    }

    /** A remote address mail is sent to: mostly a known contact, sometimes a new one. */
    String remoteRecipient() {
        if (random.nextDouble() < FRESH_RECIPIENT_SHARE) {
            return remoteAddress();
        }
        return pick(contacts);
    }

    /** An address never seen before, for when the usual ones are taken. */
    String freshRemoteAddress() {
        return localPart() + random.nextInt(1000) + "@" + remoteDomain();
    }

    /** A remote sender of inbound mail. */
    String externalSender() {
        return random.nextBoolean() ? pick(contacts) : remoteAddress();
    }

    /** The sender of mail Web Crossing makes itself: notices, digests, WebMail. */
    String internalSender() {
        double r = random.nextDouble();
        if (r < 0.4) {
            return pick(NOTICE_NAMES) + "@" + pick(localDomains);
        }
        if (r < 0.5) {
            return pick(WORDS) + "-list@" + pick(localDomains);
        }
        return localUser();
    }

    /** The address a local user connects from: usually their own, sometimes a new one. */
    String clientIp() {
        return random.nextDouble() < 0.9 ? pick(clientIps) : publicIp();
    }

    /** A remote mail server's address. */
    String publicIp() {
        return PUBLIC_FIRST_OCTETS[random.nextInt(PUBLIC_FIRST_OCTETS.length)]
                + "."
                + random.nextInt(256)
                + "."
                + random.nextInt(256)
                + "."
                + (1 + random.nextInt(254));
    }

    /** The login name of a local mailbox as a user types it: its local part, in varied case. */
    String loginName(String address) {
        String name = address.substring(0, address.indexOf('@'));
        double r = random.nextDouble();
        if (r < 0.8) {
            return name;
        }
        if (r < 0.95) {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
        return name.toUpperCase(Locale.ROOT);
    }

    private String remoteAddress() {
        String address = localPart() + "@" + remoteDomain();
        return random.nextDouble() < CAPITALISED_SHARE ? capitalise(address) : address;
    }

    private String remoteDomain() {
        return random.nextDouble() < 0.35 ? pick(MAILBOX_PROVIDERS) : pick(remoteDomains);
    }

    private String[] localMailboxes(int count) {
        String[] users = new String[count];
        for (int i = 0; i < count; i++) {
            String name = i < ROLES.length ? ROLES[i] : localPart();
            users[i] = name + "@" + pick(localDomains);
        }
        return users;
    }

    private String[] remoteAddresses(int count) {
        String[] addresses = new String[count];
        for (int i = 0; i < count; i++) {
            addresses[i] = remoteAddress();
        }
        return addresses;
    }

    private String[] domains(int count) {
        String[] domains = new String[count];
        for (int i = 0; i < count; i++) {
            String first = pick(WORDS);
            String second = pick(WORDS);
            while (second.equals(first)) {
                second = pick(WORDS);
            }
            String separator = random.nextInt(4) == 0 ? "-" : "";
            domains[i] = first + separator + second + "." + pick(TLDS);
        }
        return domains;
    }

    /** Domains other than the host's own, so that no remote address is a local mailbox. */
    private String[] remoteDomains(int count) {
        Set<String> own = Set.of(localDomains);
        String[] domains = domains(count);
        for (int i = 0; i < count; i++) {
            while (own.contains(domains[i])) {
                domains[i] = domains(1)[0];
            }
        }
        return domains;
    }

    private String[] ips(int count) {
        String[] ips = new String[count];
        for (int i = 0; i < count; i++) {
            ips[i] = publicIp();
        }
        return ips;
    }

    private String localPart() {
        String first = pick(FIRST_NAMES);
        String last = pick(LAST_NAMES);
        return switch (random.nextInt(6)) {
            case 0 -> first + "." + last;
            case 1 -> first.charAt(0) + last;
            case 2 -> first + last.charAt(0);
            case 3 -> first + "_" + last;
            case 4 -> first + (10 + random.nextInt(90));
            default -> last + first.charAt(0);
        };
    }

    private static String capitalise(String address) {
        StringBuilder out = new StringBuilder(address);
        out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
        int at = address.indexOf('@');
        out.setCharAt(at + 1, Character.toUpperCase(out.charAt(at + 1)));
        return out.toString();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
