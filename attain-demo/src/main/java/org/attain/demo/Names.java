package org.attain.demo;

import java.util.List;
import java.util.SplittableRandom;

/** Word lists for people and company names; English and German, as the company sells in both. */
final class Names {

    static final List<String> ENGLISH_FIRST = List.of(
            "James", "Olivia", "Michael", "Emma", "David", "Sophia", "Daniel", "Ava", "Matthew", "Isabella",
            "Andrew", "Mia", "Ryan", "Charlotte", "Joshua", "Amelia", "Christopher", "Harper", "Ethan", "Evelyn",
            "Benjamin", "Abigail", "Samuel", "Emily", "Jacob", "Elizabeth", "Nathan", "Sofia", "Tyler", "Grace",
            "Brandon", "Chloe", "Kevin", "Victoria", "Justin", "Natalie", "Aaron", "Hannah", "Jason", "Lily",
            "Oliver", "Megan", "Thomas", "Rachel", "William", "Lauren", "Jack", "Jessica", "Harry", "Priya",
            "Raj", "Mei", "Wei", "Aiko", "Liam", "Zoe", "Connor", "Chelsea", "Marcus", "Aisha");

    static final List<String> ENGLISH_LAST = List.of(
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
            "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker",
            "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards",
            "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed",
            "Bennett", "Hughes", "Patel", "Chen", "Nguyen", "Kumar", "O'Brien", "Walsh", "Fraser", "Lee");

    static final List<String> GERMAN_FIRST = List.of(
            "Lukas", "Anna", "Jonas", "Lea", "Felix", "Laura", "Maximilian", "Julia", "Tobias", "Sarah",
            "Florian", "Katharina", "Sebastian", "Lena", "Jan", "Johanna", "Stefan", "Franziska", "Matthias", "Sophie",
            "Andreas", "Marie", "Markus", "Nina", "Christian", "Carolin", "Alexander", "Hannah", "Philipp", "Miriam",
            "Jürgen", "Sabine", "Thorsten", "Birgit", "Uwe", "Katrin", "Moritz", "Jana", "Niklas", "Theresa",
            "Benedikt", "Verena", "Dominik", "Elisabeth", "Fabian", "Annika", "Ralf", "Ulrike", "Jörg", "Sören");

    static final List<String> GERMAN_LAST = List.of(
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
            "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
            "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann",
            "Huber", "Mayer", "Köhler", "Herrmann", "König", "Walter", "Kaiser", "Fuchs", "Peters", "Lang",
            "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Friedrich", "Keller", "Günther", "Brandt");

    static final List<String> COMPANY_FIRST = List.of(
            "Apex", "Blue", "Cedar", "Delta", "Evergreen", "Falcon", "Granite", "Harbor", "Iron", "Juniper",
            "Keystone", "Lumen", "Maple", "North", "Orbit", "Pioneer", "Quantum", "River", "Summit", "Tidal",
            "Union", "Vertex", "Willow", "Zenith", "Alpen", "Berg", "Rhein", "Elbe", "Nord", "Sonnen",
            "Atlas", "Beacon", "Crescent", "Horizon", "Meridian", "Silver", "Sterling", "Crown", "Coral", "Eucalypt");

    static final List<String> COMPANY_SECOND = List.of(
            "Logistics", "Health", "Foods", "Energy", "Systems", "Analytics", "Retail", "Capital", "Manufacturing",
            "Pharma", "Media", "Telecom", "Motors", "Insurance", "Labs", "Networks", "Robotics", "Textiles",
            "Chemicals", "Construction", "Software", "Biotech", "Freight", "Hotels", "Solar", "Water", "Foods Group");

    static final List<String> INDUSTRIES = List.of(
            "Manufacturing", "Financial Services", "Healthcare", "Retail", "Technology", "Logistics",
            "Energy", "Media", "Professional Services", "Public Sector", "Telecommunications", "Insurance");

    private Names() {
    }

    static String pick(List<String> words, SplittableRandom random) {
        return words.get(random.nextInt(words.size()));
    }

    /** Lower-case ASCII for e-mail addresses: umlauts spelled out the German way, the rest dropped. */
    static String emailPart(String name) {
        StringBuilder out = new StringBuilder(name.length() + 2);
        for (char c : name.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            switch (c) {
                case 'ä' -> out.append("ae");
                case 'ö' -> out.append("oe");
                case 'ü' -> out.append("ue");
                case 'ß' -> out.append("ss");
                default -> {
                    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
