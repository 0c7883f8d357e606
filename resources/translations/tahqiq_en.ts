<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ArticlePropertiesDialog</name>
    <message numerus="yes">
        <location filename="../../gui/article_dialogs.py" line="85"/>
        <source>Encoding: %1 · Source: %2 · %n character(s)</source>
        <translation>
            <numerusform>Encoding: %1 · Source: %2 · %n character</numerusform>
            <numerusform>Encoding: %1 · Source: %2 · %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeletedArticlesDialog</name>
    <message numerus="yes">
        <source>Restored the article %1, with its %n tagged place(s).</source>
        <translation>
            <numerusform>Restored the article %1, with its %n tagged place.</numerusform>
            <numerusform>Restored the article %1, with its %n tagged places.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message numerus="yes">
        <location filename="../../gui/models.py" line="137"/>
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models.py" line="147"/>
        <source>(%n place(s))</source>
        <translation>
            <numerusform>(%n place)</numerusform>
            <numerusform>(%n places)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimEditor</name>
    <message numerus="yes">
        <location filename="../../gui/claim_editor.py" line="375"/>
        <source>History (%n)</source>
        <translation>
            <numerusform>History (%n)</numerusform>
            <numerusform>History (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KnownClaimsPanel</name>
    <message numerus="yes">
        <location filename="../../gui/known_claims_panel.py" line="159"/>
        <source>%n known claim(s) in this article, from the first places found: it repeats known claims too often to search it all.</source>
        <translation>
            <numerusform>%n known claim in this article, from the first places found: it repeats known claims too often to search it all.</numerusform>
            <numerusform>%n known claims in this article, from the first places found: it repeats known claims too often to search it all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/known_claims_panel.py" line="163"/>
        <source>%n known claim(s) in this article</source>
        <translation>
            <numerusform>%n known claim in this article</numerusform>
            <numerusform>%n known claims in this article</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Its %n tagged place(s) are untagged with it.</source>
        <translation>
            <numerusform>Its %n tagged place is untagged with it.</numerusform>
            <numerusform>Its %n tagged places are untagged with it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/mainwindow.py" line="428"/>
        <source>Tagged %n place(s).</source>
        <translation>
            <numerusform>Tagged %n place.</numerusform>
            <numerusform>Tagged %n places.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/mainwindow.py" line="614"/>
        <source>Untagged %1 here; the claim stays at its %n other place(s) (Undo tags it again).</source>
        <translation>
            <numerusform>Untagged %1 here; the claim stays at its other place (Undo tags it again).</numerusform>
            <numerusform>Untagged %1 here; the claim stays at its %n other places (Undo tags it again).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/mainwindow.py" line="545"/>
        <source>%n place(s) you had tagged as another claim left as they are.</source>
        <translation>
            <numerusform>%n place you had tagged as another claim left as it is.</numerusform>
            <numerusform>%n places you had tagged as another claim left as they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeletedClaimsDialog</name>
    <message numerus="yes">
        <location filename="../../gui/deleted_claims.py" line="110"/>
        <source>(%n place(s))</source>
        <translation>
            <numerusform>(%n place)</numerusform>
            <numerusform>(%n places)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message numerus="yes">
        <source>On the way in: %n change(s), in the Import Report.</source>
        <translation>
            <numerusform>On the way in: %n change, in the Import Report.</numerusform>
            <numerusform>On the way in: %n changes, in the Import Report.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n article(s): %1.</source>
        <translation>
            <numerusform>Imported %n article: %1.</numerusform>
            <numerusform>Imported %n articles: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in this project: %1.</source>
        <translation>
            <numerusform>%n already in this project: %1.</numerusform>
            <numerusform>%n already in this project: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n article(s).</source>
        <translation>
            <numerusform>Imported %n article.</numerusform>
            <numerusform>Imported %n articles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in this project.</source>
        <translation>
            <numerusform>%n already in this project.</numerusform>
            <numerusform>%n already in this project.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) had parts left out — see Import Report.</source>
        <translation>
            <numerusform>%n document had parts left out — see Import Report.</numerusform>
            <numerusform>%n documents had parts left out — see Import Report.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) had parts left out; %1 — see Import Report.</source>
        <translation>
            <numerusform>%n document had parts left out; %1 — see Import Report.</numerusform>
            <numerusform>%n documents had parts left out; %1 — see Import Report.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other change(s)</source>
        <translation>
            <numerusform>%n other change</numerusform>
            <numerusform>%n other changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/project_files.py" line="659"/>
        <source>%n claim(s) left out of ClaimReview:</source>
        <translation>
            <numerusform>%n claim left out of ClaimReview:</numerusform>
            <numerusform>%n claims left out of ClaimReview:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/project_files.py" line="665"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../../gui/search_panel.py" line="279"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/search_panel.py" line="282"/>
        <source>%n match(es) of a word apart</source>
        <translation>
            <numerusform>%n match of a word apart</numerusform>
            <numerusform>%n matches of a word apart</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/search_panel.py" line="284"/>
        <source>%n match(es) of the words together</source>
        <translation>
            <numerusform>%n match of the words together</numerusform>
            <numerusform>%n matches of the words together</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>session</name>
    <message numerus="yes">
        <location filename="../../gui/commands.py" line="141"/>
        <source>Tag %n occurrence(s) as %1</source>
        <translation>
            <numerusform>Tag %n occurrence as %1</numerusform>
            <numerusform>Tag %n occurrences as %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/commands.py" line="156"/>
        <source>Tag %n more occurrence(s)</source>
        <translation>
            <numerusform>Tag %n more occurrence</numerusform>
            <numerusform>Tag %n more occurrences</numerusform>
        </translation>
    </message>
</context>
</TS>
