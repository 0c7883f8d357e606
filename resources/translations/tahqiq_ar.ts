<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>&amp;Summary…</source>
        <translation>مل&amp;خص…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="34"/>
        <source>&amp;New Project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="35"/>
        <source>&amp;Open Project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="37"/>
        <source>&amp;Import Article…</source>
        <translation>استيراد م&amp;قال…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="38"/>
        <source>Add a text file or saved web page as an article</source>
        <translation>إضافة ملف نصي أو صفحة ويب محفوظة كمقال</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="39"/>
        <source>Import &amp;Claims (CSV)…</source>
        <translation>استيراد ا&amp;دعاءات (CSV)…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="40"/>
        <source>&amp;Merge Colleague&apos;s Project…</source>
        <translation>د&amp;مج مشروع زميل…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="42"/>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="43"/>
        <source>Export claims as CSV, JSON, W3C or ClaimReview</source>
        <translation>تصدير الادعاءات بصيغة CSV أو JSON أو W3C أو ClaimReview</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="45"/>
        <source>Export Review &amp;Packet…</source>
        <translation>تصدير م&amp;لف المراجعة…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="46"/>
        <source>The article with its numbered claims, as PDF or HTML</source>
        <translation>المقال مع ادعاءاته المرقّمة، بصيغة PDF أو HTML</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="47"/>
        <source>&amp;Back Up Project…</source>
        <translation>&amp;نسخ احتياطي للمشروع…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="48"/>
        <source>Save a complete copy of this project file</source>
        <translation>حفظ نسخة كاملة من ملف هذا المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="49"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="51"/>
        <source>&amp;Undo</source>
        <translation>ت&amp;راجع</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="54"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="59"/>
        <source>&amp;Delete Claim</source>
        <translation>&amp;حذف الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="60"/>
        <source>Deleted C&amp;laims…</source>
        <translation>الادعاءات المحذو&amp;فة…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="62"/>
        <source>Words untagged and claims deleted in this article, yours or a colleague&apos;s: restore them</source>
        <translation>كلمات أُزيل وسمها وادعاءات حُذفت في هذا المقال، منك أو من زميل: استعدها</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="60"/>
        <source>Edit &amp;Note</source>
        <translation>تعديل ال&amp;ملاحظة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="61"/>
        <source>Write the selected claim&apos;s note</source>
        <translation>كتابة ملاحظة الادعاء المحدد</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="62"/>
        <source>&amp;Find in Article…</source>
        <translation>&amp;بحث في المقال…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="63"/>
        <source>&amp;Search Project…</source>
        <translation>البحث في الم&amp;شروع…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="65"/>
        <source>Paste as New &amp;Article</source>
        <translation>لصق كم&amp;قال جديد</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="67"/>
        <source>&amp;Preferences…</source>
        <translation>ال&amp;تفضيلات…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="71"/>
        <source>&amp;Next Claim</source>
        <translation>الادعاء ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="72"/>
        <source>&amp;Previous Claim</source>
        <translation>الادعاء ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="73"/>
        <source>Zoom &amp;In</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="75"/>
        <source>Zoom &amp;Out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="78"/>
        <source>Article &amp;Properties…</source>
        <translation>&amp;خصائص المقال…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="79"/>
        <source>&amp;Labels…</source>
        <translation>التص&amp;نيفات…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="81"/>
        <source>Tag &amp;All Occurrences</source>
        <translation>وسم &amp;كل المواضع</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="82"/>
        <source>Tag every place these words appear in the article as one claim</source>
        <translation>وسم كل موضع ترد فيه هذه الكلمات في المقال كادعاء واحد</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="84"/>
        <source>Accept &amp;Known Claim</source>
        <translation>قبول ادعاء &amp;معروف</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="85"/>
        <source>The selected known claim appears here: make these words one of its places</source>
        <translation>الادعاء المعروف المحدد يرد هنا: اجعل هذه الكلمات أحد مواضعه</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="87"/>
        <source>&amp;Dismiss Known Claim</source>
        <translation>&amp;تجاهل الادعاء المعروف</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="88"/>
        <source>Never suggest the selected known claim for these words again</source>
        <translation>لا تقترح الادعاء المعروف المحدد لهذه الكلمات مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="89"/>
        <source>Project &amp;Settings…</source>
        <translation>إ&amp;عدادات المشروع…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="91"/>
        <source>&amp;Accept Claim</source>
        <translation>&amp;قبول الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="92"/>
        <source>Accept the selected claim&apos;s verdict</source>
        <translation>قبول حكم الادعاء المحدد</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="93"/>
        <source>&amp;Reject Claim</source>
        <translation>&amp;رفض الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="94"/>
        <source>Reject the selected claim&apos;s verdict</source>
        <translation>رفض حكم الادعاء المحدد</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="95"/>
        <source>A&amp;greement…</source>
        <translation>الا&amp;تفاق…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="97"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>ا&amp;ختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="111"/>
        <source>&amp;About Tahqiq</source>
        <translation>&amp;عن تحقيق</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="102"/>
        <source>Verdicts</source>
        <translation>الأحكام</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="104"/>
        <source>Verdict toolbar</source>
        <translation>شريط الأحكام</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="107"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="108"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="109"/>
        <source>Open &amp;Recent</source>
        <translation>المشا&amp;ريع الأخيرة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="111"/>
        <source>&amp;Tag</source>
        <translation>&amp;وسم</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>The project in figures: claims by verdict and by annotator, reviews, articles with no claim yet</source>
        <translation>المشروع بالأرقام: الادعاءات بحسب الحكم وبحسب المدقق، والمراجعات، والمقالات التي لا ادعاء فيها بعد</translation>
    </message>
    <message>
        <source>&amp;Move Claim to Selected Words</source>
        <translation>&amp;نقل الادعاء إلى الكلمات المحددة</translation>
    </message>
    <message>
        <source>The chosen claim holds the words selected instead (a word short, or one too many): its verdict, note, sources and review stay with it</source>
        <translation>يحمل الادعاء المختار الكلمات المحددة بدلًا من كلماته (كلمة ناقصة أو زائدة): يبقى معه حكمه وملاحظته ومصادره ومراجعته</translation>
    </message>
    <message>
        <source>&amp;Save a Copy for an Older Tahqiq…</source>
        <translation>حفظ نسخة لإصدار &amp;أقدم من تحقيق…</translation>
    </message>
    <message>
        <source>A copy a colleague's Tahqiq from before this version opens and merges</source>
        <translation>نسخة يفتحها ويدمجها تحقيق زميل أقدم من هذا الإصدار</translation>
    </message>
    <message>
        <source>New Project &amp;Like This One…</source>
        <translation>مشروع جديد مثل &amp;هذا…</translation>
    </message>
    <message>
        <source>Start a new project file with this project's verdict labels and settings, none of its articles or claims</source>
        <translation>ابدأ ملف مشروع جديدًا بتصنيفات الأحكام وإعدادات هذا المشروع، بلا شيء من مقالاته أو ادعاءاته</translation>
    </message>
    <message>
        <source>Close this project's window (your work is already saved)</source>
        <translation>أغلق نافذة هذا المشروع؛ كل شيء محفوظ</translation>
    </message>
    <message>
        <source>The next match of the words being found</source>
        <translation>النتيجة التالية للكلمات المبحوث عنها</translation>
    </message>
    <message>
        <source>The previous match of the words being found</source>
        <translation>النتيجة السابقة للكلمات المبحوث عنها</translation>
    </message>
    <message>
        <source>The article's text at its reading size again</source>
        <translation>نص المقال بحجم القراءة من جديد</translation>
    </message>
    <message>
        <source>Show the window full screen, or leave full screen</source>
        <translation>النافذة على الشاشة كلها، أو العودة</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>&amp;البدء</translation>
    </message>
    <message>
        <source>The day's work in seven steps, with their keys</source>
        <translation>عمل اليوم في سبع خطوات، بمفاتيحها</translation>
    </message>
    <message>
        <source>Start a new project file: its own articles, claims and colleagues' work</source>
        <translation>ابدأ ملف مشروع جديدًا: بمقالاته وادعاءاته وعمل زملائه</translation>
    </message>
    <message>
        <source>Open another project file (this window closes)</source>
        <translation>افتح ملف مشروع آخر (تُغلق هذه النافذة)</translation>
    </message>
    <message>
        <source>Bring in the claims of a Tahqiq CSV, edited in a spreadsheet or sent by a colleague</source>
        <translation>أدخل ادعاءات ملف CSV من تحقيق، عُدّل في جدول بيانات أو أرسله زميل</translation>
    </message>
    <message>
        <source>Bring a colleague's copy of the project in: their articles, claims, reviews and history</source>
        <translation>أدخل نسخة زميل من المشروع: مقالاته وادعاءاته ومراجعاته وسجله</translation>
    </message>
    <message>
        <source>Find words in the article shown, harakat and hamza forms ignored</source>
        <translation>ابحث عن كلمات في المقال المعروض، دون اعتبار الحركات وصور الهمزة</translation>
    </message>
    <message>
        <source>Search every article, quote and note of the project</source>
        <translation>ابحث في كل مقالات المشروع واقتباساته وملاحظاته</translation>
    </message>
    <message>
        <source>Add the text on the clipboard as a new article</source>
        <translation>أضف النص المنسوخ مقالًا جديدًا</translation>
    </message>
    <message>
        <source>Your name on your claims, and the interface language</source>
        <translation>اسمك على ادعاءاتك، ولغة الواجهة</translation>
    </message>
    <message>
        <source>The article's title, outlet, address, date and language</source>
        <translation>عنوان المقال وناشره ورابطه وتاريخ نشره ولغته</translation>
    </message>
    <message>
        <source>The project's verdicts: their names, colours, keys and ratings</source>
        <translation>أحكام المشروع: أسماؤها وألوانها ومفاتيحها وتقييماتها</translation>
    </message>
    <message>
        <source>Who publishes this project's fact-checks, and where (for ClaimReview)</source>
        <translation>من ينشر تحققات هذا المشروع، وأين (لتصدير ClaimReview)</translation>
    </message>
    <message>
        <source>How often two annotators gave the same verdict to the same words</source>
        <translation>كم مرة أعطى مدققان الحكم نفسه للكلمات نفسها</translation>
    </message>
    <message>
        <source>&amp;Copy Claim</source>
        <translation>&amp;نسخ الادعاء</translation>
    </message>
    <message>
        <source>The claim's words, verdict, note and sources, as text to paste</source>
        <translation>كلمات الادعاء وحكمه وملاحظته ومصادره، نصًا للصق</translation>
    </message>
    <message>
        <source>Close &amp;Window</source>
        <translation>إ&amp;غلاق النافذة</translation>
    </message>
    <message>
        <source>Find Ne&amp;xt</source>
        <translation>البحث عن التا&amp;لي</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>البحث عن الس&amp;ابق</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>ال&amp;حجم الأصلي</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>ملء ال&amp;شاشة</translation>
    </message>
    <message>
        <source>Deleted &amp;Articles…</source>
        <translation>المقالات المحذو&amp;فة…</translation>
    </message>
    <message>
        <source>Articles deleted in this project, yours or a colleague's: restore them with their tagged words</source>
        <translation>المقالات المحذوفة من هذا المشروع، حذفتَها أنت أو زميل: استعِدها مع كلماتها الموسومة</translation>
    </message>
    <message>
        <source>Close every Tahqiq window (your work is already saved)</source>
        <translation>أغلق كل نوافذ تحقيق؛ كل شيء محفوظ سلفًا</translation>
    </message>
    <message>
        <source>Undo the last change (the menu item names it)</source>
        <translation>تراجع عن آخر تغيير (يسمّيه بند القائمة)</translation>
    </message>
    <message>
        <source>Redo the change just undone</source>
        <translation>أعِد التغيير الذي تراجعت عنه للتو</translation>
    </message>
    <message>
        <source>Untag the selected claim's words; Deleted Claims brings them back</source>
        <translation>أزِل وسم كلمات الادعاء المحدد؛ «الادعاءات المحذوفة» تعيدها</translation>
    </message>
    <message>
        <source>Select the claim after this one in the article</source>
        <translation>حدّد الادعاء التالي لهذا في المقال</translation>
    </message>
    <message>
        <source>Select the claim before this one in the article</source>
        <translation>حدّد الادعاء السابق لهذا في المقال</translation>
    </message>
    <message>
        <source>The article's text larger (Ctrl and the mouse wheel too)</source>
        <translation>نص المقال أكبر (وكذلك Ctrl مع عجلة الفأرة)</translation>
    </message>
    <message>
        <source>The article's text smaller (Ctrl and the mouse wheel too)</source>
        <translation>نص المقال أصغر (وكذلك Ctrl مع عجلة الفأرة)</translation>
    </message>
    <message>
        <source>Every key of this window, in one list</source>
        <translation>كل مفاتيح هذه النافذة في قائمة واحدة</translation>
    </message>
    <message>
        <source>Which Tahqiq this is, and on which Qt: what a bug report needs</source>
        <translation>أي إصدار من تحقيق هذا، وعلى أي إصدار من Qt: ما يحتاجه بلاغ الخلل</translation>
    </message>
    <message>
        <source>Show or hide the panel «%1»</source>
        <translation>أظهِر اللوحة «%1» أو أخفِها</translation>
    </message>
    <message>
        <source>&amp;Delete Article…</source>
        <translation>&amp;حذف المقال…</translation>
    </message>
    <message>
        <source>Delete the article shown (imported by mistake, say), untagging its words with it; Undo brings both back</source>
        <translation>احذف المقال المعروض (المستورد خطأً مثلًا)، وتُزال معه وسوم كلماته؛ التراجع يعيدهما معًا</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="151"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="160"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="170"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="176"/>
        <source>&amp;Project</source>
        <translation>الم&amp;شروع</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="179"/>
        <source>&amp;Review</source>
        <translation>المرا&amp;جعة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="185"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="198"/>
        <source>Tag the selection, or the selected claim, as %s</source>
        <translation>وسم التحديد، أو الادعاء المحدد، بـ«%s»</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="233"/>
        <source>Select text in the article</source>
        <translation>تحديد نص في المقال</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="233"/>
        <source>Shift+Arrow keys</source>
        <translation>Shift+مفاتيح الأسهم</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="234"/>
        <source>Extend the selection by a word</source>
        <translation>توسيع التحديد بكلمة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="234"/>
        <source>Ctrl+Shift+Left/Right</source>
        <translation>Ctrl+Shift+يسار/يمين</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="235"/>
        <source>Extend the selection to the line&apos;s end</source>
        <translation>توسيع التحديد إلى نهاية السطر</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="235"/>
        <source>Shift+Home/End</source>
        <translation>Shift+Home/End</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="236"/>
        <source>Move between panels</source>
        <translation>التنقل بين اللوحات</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="236"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab، Shift+Tab</translation>
    </message>
    <message>
        <source>Back to the article</source>
        <translation>العودة إلى المقال</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="237"/>
        <source>Next / previous match in Find</source>
        <translation>النتيجة التالية / السابقة في البحث</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="237"/>
        <source>Enter, Shift+Enter</source>
        <translation>Enter، Shift+Enter</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Project Summary</source>
        <translation>ملخص المشروع</translation>
    </message>
    <message>
        <source>Project summary</source>
        <translation>ملخص المشروع</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../gui/review_panels.py" line="265"/>
        <source>Agreement — %s</source>
        <translation>الاتفاق — %s</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="268"/>
        <source>Agreement report</source>
        <translation>تقرير الاتفاق</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message numerus="yes">
        <location filename="../../gui/models.py" line="111"/>
        <source>%n claim(s)</source>
        <translation>
            <numerusform>لا ادعاءات</numerusform>
            <numerusform>ادعاء واحد</numerusform>
            <numerusform>ادعاءان</numerusform>
            <numerusform>%n ادعاءات</numerusform>
            <numerusform>%n ادعاءً</numerusform>
            <numerusform>%n ادعاء</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models.py" line="147"/>
        <source>(%n place(s))</source>
        <translation>
            <numerusform>(لا مواضع)</numerusform>
            <numerusform>(موضع واحد)</numerusform>
            <numerusform>(موضعان)</numerusform>
            <numerusform>(%n مواضع)</numerusform>
            <numerusform>(%n موضعًا)</numerusform>
            <numerusform>(%n موضع)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticlePane</name>
    <message>
        <location filename="../../gui/article_pane.py" line="19"/>
        <source>Article text</source>
        <translation>نص المقال</translation>
    </message>
    <message>
        <location filename="../../gui/article_pane.py" line="21"/>
        <source>The article being checked. Select words and press a verdict key to tag.</source>
        <translation>المقال قيد التحقق. حدّد كلمات واضغط مفتاح حكم لوسمها.</translation>
    </message>
    <message>
        <location filename="../../gui/article_pane.py" line="24"/>
        <source>Article title and details</source>
        <translation>عنوان المقال وتفاصيله</translation>
    </message>
    <message>
        <location filename="../../gui/article_pane.py" line="29"/>
        <source>Verdict colours</source>
        <translation>ألوان الأحكام</translation>
    </message>
    <message>
        <location filename="../../gui/article_pane.py" line="79"/>
        <source>Press %1 to tag the selected words as %2</source>
        <translation>اضغط %1 لوسم الكلمات المحددة بـ«%2»</translation>
    </message>
    <message>
        <location filename="../../gui/article_pane.py" line="84"/>
        <source>Verdict %s</source>
        <translation>الحكم %s</translation>
    </message>
    <message>
        <location filename="../../gui/article_pane.py" line="120"/>
        <source>Known claim</source>
        <translation>ادعاء معروف</translation>
    </message>
    <message>
        <location filename="../../gui/article_pane.py" line="122"/>
        <source>A dashed outline, in the verdict&apos;s colour: a claim already checked, in another article or on other words of this one, appears in these words. Accept it (Y) or dismiss it (X) in the Known Claims panel.</source>
        <translation>إطار متقطع بلون الحكم: ادعاء تُحقق منه من قبل، في مقال آخر أو في كلمات أخرى من هذا المقال، يرد في هذه الكلمات. اقبله (Y) أو تجاهله (X) في لوحة الادعاءات المعروفة.</translation>
    </message>
</context>
<context>
    <name>ArticlePropertiesDialog</name>
    <message>
        <location filename="../../gui/article_dialogs.py" line="34"/>
        <source>Article Properties</source>
        <translation>خصائص المقال</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="36"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="36"/>
        <source>Outlet</source>
        <translation>الناشر</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="36"/>
        <source>URL</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="37"/>
        <source>Published (YYYY-MM-DD)</source>
        <translation>تاريخ النشر (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="38"/>
        <source>Language (e.g. ar, en)</source>
        <translation>اللغة (مثل ar أو en)</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="51"/>
        <source>Not a date as YYYY-MM-DD: it will be left out of ClaimReview exports.</source>
        <translation>ليس تاريخًا بصيغة YYYY-MM-DD: سيُترك خارج تصديرات ClaimReview.</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="64"/>
        <source>Not a language code such as ar, en or ar-EG: it will be left out of JSON-LD exports.</source>
        <translation>ليس رمز لغة مثل ar أو en أو ar-EG: سيُترك خارج تصديرات JSON‑LD.</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="56"/>
        <source>Not a web link (http:// or https://): it will be left out of JSON-LD exports.</source>
        <translation>ليس رابطًا على الويب (http://‎ أو https://‎): سيُترك خارج تصديرات JSON‑LD.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/article_dialogs.py" line="85"/>
        <source>Encoding: %1 · Source: %2 · %n character(s)</source>
        <translation>
            <numerusform>الترميز: %1 · المصدر: %2 · %n حرف</numerusform>
            <numerusform>الترميز: %1 · المصدر: %2 · حرف واحد</numerusform>
            <numerusform>الترميز: %1 · المصدر: %2 · حرفان</numerusform>
            <numerusform>الترميز: %1 · المصدر: %2 · %n أحرف</numerusform>
            <numerusform>الترميز: %1 · المصدر: %2 · %n حرفًا</numerusform>
            <numerusform>الترميز: %1 · المصدر: %2 · %n حرف</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="53"/>
        <source>Import details</source>
        <translation>تفاصيل الاستيراد</translation>
    </message>
</context>
<context>
    <name>ClaimEditor</name>
    <message>
        <source>These words are now the claim checked in %1 (%2), with its note and sources (Undo takes it back).</source>
        <translation>صارت هذه الكلمات الادعاءَ الذي تُحقق منه في %1 (%2)، بملاحظته ومصادره (التراجع يعيدها كما كانت).</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>this article</source>
        <translation>هذا المقال</translation>
    </message>
    <message>
        <source>Make these words a place of the claim checked elsewhere</source>
        <translation>جعل هذه الكلمات موضعًا للادعاء الذي تُحقق منه في موضع آخر</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="56"/>
        <source>Quoted claim</source>
        <translation>نص الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="59"/>
        <location filename="../../gui/claim_editor.py" line="143"/>
        <source>Verdict</source>
        <translation>الحكم</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="69"/>
        <location filename="../../gui/claim_editor.py" line="149"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="70"/>
        <source>Why this verdict? What did you check?</source>
        <translation>لماذا هذا الحكم؟ ممّ تحققت؟</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="75"/>
        <source>Source links</source>
        <translation>روابط المصادر</translation>
    </message>
    <message>
        <source>Open Link</source>
        <translation>فتح الرابط</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>نسخ الرابط</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open it in your browser.</source>
        <translation>انقر نقرًا مزدوجًا أو اضغط Enter لفتحه في متصفحك.</translation>
    </message>
    <message>
        <source>Could not open %1 in a browser.</source>
        <translation>تعذّر فتح %1 في متصفح.</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="80"/>
        <source>New source link</source>
        <translation>رابط مصدر جديد</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="83"/>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="84"/>
        <source>Add source link</source>
        <translation>إضافة رابط مصدر</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="85"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="86"/>
        <source>Remove selected source link</source>
        <translation>إزالة رابط المصدر المحدد</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="91"/>
        <source>Problem with the claim</source>
        <translation>مشكلة في الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="92"/>
        <source>Delete Claim</source>
        <translation>حذف الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="94"/>
        <source>Delete this claim</source>
        <translation>حذف هذا الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="97"/>
        <source>Review comment</source>
        <translation>تعليق المراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="136"/>
        <source>Show the history of this claim</source>
        <translation>اعرض سجل هذا الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="239"/>
        <source>You gave this claim its verdict: a review must come from someone else.</source>
        <translation>أنت من أعطى هذا الادعاء حكمه: يجب أن تأتي المراجعة من شخص آخر.</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="244"/>
        <source>No claim selected: choose one in the list, or select words in the article and press a verdict&apos;s key.</source>
        <translation>لم يُحدَّد أي ادعاء: اختر واحدًا من القائمة، أو حدِّد كلمات في المقال واضغط مفتاح الحكم.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/claim_editor.py" line="277"/>
        <source>History (%n)</source>
        <translation>
            <numerusform>السجل (%n)</numerusform>
            <numerusform>السجل (%n)</numerusform>
            <numerusform>السجل (%n)</numerusform>
            <numerusform>السجل (%n)</numerusform>
            <numerusform>السجل (%n)</numerusform>
            <numerusform>السجل (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="287"/>
        <source>Also in: %s</source>
        <translation>يرد أيضًا في: %s</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="402"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Source added: %1</source>
        <translation>أُضيف المصدر: %1</translation>
    </message>
    <message>
        <source>Sources added: %1</source>
        <translation>أُضيفت المصادر: %1</translation>
    </message>
    <message>
        <source>The claim already has this source.</source>
        <translation>لهذا الادعاء هذا المصدر من قبل.</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="289"/>
        <source>Only here.</source>
        <translation>هنا فقط.</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="295"/>
        <source>Checked elsewhere: %s</source>
        <translation>تُحقق منه في موضع آخر: %s</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="99"/>
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="101"/>
        <source>Accept this claim&apos;s verdict</source>
        <translation>قبول حكم هذا الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="102"/>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="104"/>
        <source>Reject this claim&apos;s verdict</source>
        <translation>رفض حكم هذا الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="108"/>
        <source>Reviews of this claim</source>
        <translation>مراجعات هذا الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="112"/>
        <source>Where this claim appears</source>
        <translation>أين يرد هذا الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="113"/>
        <source>Unlink</source>
        <translation>فصل</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="115"/>
        <source>Make these words a claim of their own</source>
        <translation>جعل هذه الكلمات ادعاءً مستقلًا</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="119"/>
        <source>The same words, checked in other articles</source>
        <translation>الكلمات نفسها، وقد تُحقق منها في مقالات أخرى</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="120"/>
        <source>Link as One Claim</source>
        <translation>ربطها كادعاء واحد</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="126"/>
        <source>History of this claim</source>
        <translation>سجل هذا الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="62"/>
        <source>Who tagged this claim and when</source>
        <translation>من وسم هذا الادعاء ومتى</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="98"/>
        <source>Comment (optional)</source>
        <translation>تعليق (اختياري)</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="151"/>
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="160"/>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="139"/>
        <source>Appears</source>
        <translation>يرد في</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="254"/>
        <source>History</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="264"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="298"/>
        <source>%1 (of the earlier verdict %2)</source>
        <translation>%1 (للحكم السابق %2)</translation>
    </message>
</context>
<context>
    <name>ClaimsPanel</name>
    <message>
        <source>Filtering the claims…</source>
        <translation>تُصفّى الادعاءات…</translation>
    </message>
    <message>
        <location filename="../../gui/table_columns.py" line="288"/>
        <source>Columns</source>
        <translation>الأعمدة</translation>
    </message>
    <message>
        <location filename="../../gui/claims_panel.py" line="190"/>
        <source>No claim here matches the filters.</source>
        <translation>لا ادعاء هنا يطابق عوامل التصفية.</translation>
    </message>
    <message>
        <location filename="../../gui/claims_panel.py" line="1"/>
        <source>No article is open.</source>
        <translation>لا مقال مفتوح.</translation>
    </message>
    <message>
        <location filename="../../gui/claims_panel.py" line="44"/>
        <source>Claims in this article</source>
        <translation>الادعاءات في هذا المقال</translation>
    </message>
    <message>
        <location filename="../../gui/claims_panel.py" line="53"/>
        <source>Claim columns; click to sort, right-click to choose</source>
        <translation>أعمدة الادعاءات؛ انقر للفرز، وانقر بالزر الأيمن للاختيار</translation>
    </message>
    <message>
        <location filename="../../gui/claims_panel.py" line="61"/>
        <source>Filter claims</source>
        <translation>تصفية الادعاءات</translation>
    </message>
    <message>
        <location filename="../../gui/claims_panel.py" line="62"/>
        <source>Filter claims…</source>
        <translation>تصفية الادعاءات…</translation>
    </message>
    <message>
        <location filename="../../gui/claims_panel.py" line="66"/>
        <source>Show claims with this verdict</source>
        <translation>إظهار الادعاءات بهذا الحكم</translation>
    </message>
    <message>
        <location filename="../../gui/claims_panel.py" line="67"/>
        <source>Not yet reviewed</source>
        <translation>لم يُراجع بعد</translation>
    </message>
    <message>
        <location filename="../../gui/claims_panel.py" line="69"/>
        <source>Show only claims not yet reviewed</source>
        <translation>إظهار الادعاءات غير المراجعة فقط</translation>
    </message>
    <message>
        <location filename="../../gui/claims_panel.py" line="75"/>
        <source>How to tag a claim</source>
        <translation>كيف تسم ادعاءً</translation>
    </message>
    <message>
        <location filename="../../gui/claims_panel.py" line="155"/>
        <source>No claims in this article yet.

Select words in the article, then press a verdict&apos;s key (%s) to tag them.</source>
        <translation>لا ادعاءات في هذا المقال بعد.

حدّد كلمات في المقال، ثم اضغط مفتاح الحكم (%s) لوسمها.</translation>
    </message>
    <message>
        <location filename="../../gui/claims_panel.py" line="161"/>
        <source>All verdicts</source>
        <translation>كل الأحكام</translation>
    </message>
</context>
<context>
    <name>ClaimsTableModel</name>
    <message>
        <location filename="../../gui/models.py" line="160"/>
        <source>Quote</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="160"/>
        <source>Verdict</source>
        <translation>الحكم</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="160"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="161"/>
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="161"/>
        <source>Annotator</source>
        <translation>المدقق</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="161"/>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="162"/>
        <source>Last change</source>
        <translation>آخر تعديل</translation>
    </message>
</context>
<context>
    <name>DisagreementsModel</name>
    <message>
        <location filename="../../gui/review_panels.py" line="121"/>
        <source>Words</source>
        <translation>الكلمات</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="121"/>
        <source>First</source>
        <translation>الأول</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="121"/>
        <source>Second</source>
        <translation>الثاني</translation>
    </message>
</context>
<context>
    <name>DisagreementsPanel</name>
    <message>
        <source>Looking for disagreements…</source>
        <translation>يُبحث عن الخلافات…</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="187"/>
        <source>Disagreements between annotators</source>
        <translation>الخلافات بين المدققين</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="192"/>
        <source>Disagreement columns</source>
        <translation>أعمدة الخلافات</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="194"/>
        <source>Adopt First Verdict</source>
        <translation>اعتماد الحكم الأول</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="196"/>
        <source>Give both claims the first verdict</source>
        <translation>إعطاء الادعاءين الحكم الأول</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="197"/>
        <source>Adopt Second Verdict</source>
        <translation>اعتماد الحكم الثاني</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="199"/>
        <source>Give both claims the second verdict</source>
        <translation>إعطاء الادعاءين الحكم الثاني</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="200"/>
        <source>No disagreements in this article.</source>
        <translation>لا خلافات في هذا المقال.</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="254"/>
        <location filename="../../gui/review_panels.py" line="256"/>
        <source>Adopt %s</source>
        <translation>اعتماد «%s»</translation>
    </message>
</context>
<context>
    <name>EncodingDialog</name>
    <message>
        <location filename="../../gui/article_dialogs.py" line="147"/>
        <source>Which Reading Is Right?</source>
        <translation>أي قراءة هي الصحيحة؟</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="140"/>
        <source>%1 reads as Arabic in two code pages, as different words. Tahqiq chose %2; pick the one that reads right.</source>
        <translation>يُقرأ %1 عربيًا بترميزين، بكلمات مختلفة. اختار «تحقيق» %2؛ اختر القراءة الصحيحة.</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="145"/>
        <source>Use %s</source>
        <translation>استخدم %s</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="149"/>
        <source>(file %1 of %2)</source>
        <translation>(الملف %1 من %2)</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="154"/>
        <source>Leave This File Out</source>
        <translation>لا تستورد هذا الملف</translation>
    </message>
</context>
<context>
    <name>RestoreList</name>
    <message>
        <source>This project is open read-only: nothing can be restored in it.</source>
        <translation>هذا المشروع مفتوح للقراءة فقط: لا يمكن استعادة شيء فيه.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
</context>
<context>
    <name>DeletedArticlesDialog</name>
    <message>
        <source>The article %1 was brought back meanwhile.</source>
        <translation>أُعيد المقال %1 في الأثناء.</translation>
    </message>
    <message>
        <source>%2 brought the article %1 back meanwhile.</source>
        <translation>أعاد %2 المقال %1 في الأثناء.</translation>
    </message>
    <message>
        <source>You brought the article %1 back meanwhile, in another window or from the command line.</source>
        <translation>أعدتَ المقال %1 في الأثناء، في نافذة أخرى أو من سطر الأوامر.</translation>
    </message>
    <message>
        <source>Restored the article %1.</source>
        <translation>استُعيد المقال %1.</translation>
    </message>
    <message numerus="yes">
        <source>Restored the article %1, with its %n tagged place(s).</source>
        <translation>
            <numerusform>استُعيد المقال %1، بلا مواضع موسومة.</numerusform>
            <numerusform>استُعيد المقال %1، مع موضعه الموسوم.</numerusform>
            <numerusform>استُعيد المقال %1، مع موضعيه الموسومين.</numerusform>
            <numerusform>استُعيد المقال %1، مع مواضعه الموسومة الـ%n.</numerusform>
            <numerusform>استُعيد المقال %1، مع مواضعه الموسومة الـ%n.</numerusform>
            <numerusform>استُعيد المقال %1، مع مواضعه الموسومة الـ%n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted Articles</source>
        <translation>المقالات المحذوفة</translation>
    </message>
    <message>
        <source>Deleted articles of this project</source>
        <translation>المقالات المحذوفة من هذا المشروع</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Tagged places</source>
        <translation>المواضع الموسومة</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>من حذفه</translation>
    </message>
    <message>
        <source>When</source>
        <translation>وقت الحذف</translation>
    </message>
    <message>
        <source>No article of this project was deleted.</source>
        <translation>لم يُحذف أي مقال من هذا المشروع.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <source>Bring the article back, with the words that were tagged in it</source>
        <translation>أعِد المقال، مع الكلمات التي كانت موسومة فيه</translation>
    </message>
</context>
<context>
    <name>DeletedClaimsDialog</name>
    <message>
        <source>%1 was brought back meanwhile.</source>
        <translation>أُعيد %1 في الأثناء.</translation>
    </message>
    <message>
        <source>%2 brought back %1 meanwhile.</source>
        <translation>أعاد %2 %1 في الأثناء.</translation>
    </message>
    <message>
        <source>You brought back %1 meanwhile, in another window or from the command line.</source>
        <translation>أعدتَ %1 في الأثناء، في نافذة أخرى أو من سطر الأوامر.</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>استُعيد %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/deleted_claims.py" line="110"/>
        <source>(%n place(s))</source>
        <translation>
            <numerusform>(لا مواضع)</numerusform>
            <numerusform>(موضع واحد)</numerusform>
            <numerusform>(موضعان)</numerusform>
            <numerusform>(%n مواضع)</numerusform>
            <numerusform>(%n موضعًا)</numerusform>
            <numerusform>(%n موضع)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/deleted_claims.py" line="42"/>
        <source>Deleted Claims — %s</source>
        <translation>الادعاءات المحذوفة — %s</translation>
    </message>
    <message>
        <location filename="../../gui/deleted_claims.py" line="47"/>
        <source>Deleted claims of this article</source>
        <translation>الادعاءات المحذوفة من هذا المقال</translation>
    </message>
    <message>
        <location filename="../../gui/deleted_claims.py" line="49"/>
        <source>Words</source>
        <translation>الكلمات</translation>
    </message>
    <message>
        <location filename="../../gui/deleted_claims.py" line="49"/>
        <source>Verdict</source>
        <translation>الحكم</translation>
    </message>
    <message>
        <location filename="../../gui/deleted_claims.py" line="49"/>
        <source>Deleted by</source>
        <translation>من حذفه</translation>
    </message>
    <message>
        <location filename="../../gui/deleted_claims.py" line="49"/>
        <source>When</source>
        <translation>وقت الحذف</translation>
    </message>
    <message>
        <location filename="../../gui/deleted_claims.py" line="60"/>
        <source>Nothing in this article was deleted.</source>
        <translation>لم يُحذف شيء من هذا المقال.</translation>
    </message>
    <message>
        <location filename="../../gui/deleted_claims.py" line="62"/>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <location filename="../../gui/deleted_claims.py" line="64"/>
        <source>Tag these words again as the claim they were: its verdict, note, sources and reviews</source>
        <translation>وسم هذه الكلمات من جديد بالادعاء الذي كانته: حكمه وملاحظته ومصادره ومراجعاته</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/project_files.py" line="39"/>
        <source>CSV for spreadsheets</source>
        <translation>CSV لجداول البيانات</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="40"/>
        <source>Tahqiq JSON (every field)</source>
        <translation>تحقيق بصيغة JSON ‏(كل الحقول)</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="41"/>
        <source>W3C Web Annotation (JSON-LD)</source>
        <translation>تعليقات الويب W3C ‏(JSON-LD)</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="42"/>
        <source>schema.org ClaimReview (JSON-LD)</source>
        <translation>ClaimReview من schema.org ‏(JSON-LD)</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="53"/>
        <source>Export Claims</source>
        <translation>تصدير الادعاءات</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="56"/>
        <source>Export format</source>
        <translation>صيغة التصدير</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="70"/>
        <source>A ClaimReview needs the organisation that publishes the fact-checks and the address of each one, in Project Settings.</source>
        <translation>يحتاج ClaimReview إلى اسم الجهة التي تنشر التحققات وإلى رابط كل تحقق، في إعدادات المشروع.</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="75"/>
        <source>Project Settings…</source>
        <translation>إعدادات المشروع…</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="59"/>
        <source>Current article: %s</source>
        <translation>المقال الحالي: %s</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="60"/>
        <source>Export the current article</source>
        <translation>تصدير المقال الحالي</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="61"/>
        <source>Whole project</source>
        <translation>المشروع كاملًا</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="62"/>
        <source>Export the whole project</source>
        <translation>تصدير المشروع كاملًا</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="70"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="74"/>
        <source>Claims of</source>
        <translation>ادعاءات</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/find_bar.py" line="32"/>
        <source>Find in article</source>
        <translation>بحث في المقال</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="33"/>
        <source>Find in article (ignores harakat, hamza forms, ة/ه, digits)…</source>
        <translation>بحث في المقال (يتجاهل الحركات وصور الهمزة و ة/ه والأرقام)…</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="38"/>
        <source>Matches found</source>
        <translation>النتائج</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="39"/>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="40"/>
        <source>Previous match</source>
        <translation>النتيجة السابقة</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="41"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="42"/>
        <source>Next match</source>
        <translation>النتيجة التالية</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="43"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="44"/>
        <source>Close the find bar</source>
        <translation>إغلاق شريط البحث</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="124"/>
        <source>No matches</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="126"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>KnownClaimsModel</name>
    <message>
        <location filename="../../gui/known_claims_panel.py" line="52"/>
        <source>Words here</source>
        <translation>الكلمات هنا</translation>
    </message>
    <message>
        <location filename="../../gui/known_claims_panel.py" line="52"/>
        <source>Verdict</source>
        <translation>الحكم</translation>
    </message>
    <message>
        <location filename="../../gui/known_claims_panel.py" line="52"/>
        <source>Checked in</source>
        <translation>تُحقق منه في</translation>
    </message>
    <message>
        <location filename="../../gui/known_claims_panel.py" line="53"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../gui/known_claims_panel.py" line="53"/>
        <source>Match</source>
        <translation>التطابق</translation>
    </message>
</context>
<context>
    <name>KnownClaimsPanel</name>
    <message>
        <source>Looking for claims checked elsewhere…</source>
        <translation>جارٍ البحث عن ادعاءات تُحقق منها في موضع آخر…</translation>
    </message>
    <message>
        <location filename="../../gui/known_claims_panel.py" line="109"/>
        <source>Claims checked elsewhere that appear here</source>
        <translation>ادعاءات تُحقق منها في مواضع أخرى وترد هنا</translation>
    </message>
    <message>
        <location filename="../../gui/known_claims_panel.py" line="115"/>
        <source>Known claim columns</source>
        <translation>أعمدة الادعاءات المعروفة</translation>
    </message>
    <message>
        <location filename="../../gui/known_claims_panel.py" line="120"/>
        <source>Known claims found</source>
        <translation>الادعاءات المعروفة التي وُجدت</translation>
    </message>
    <message>
        <location filename="../../gui/known_claims_panel.py" line="122"/>
        <source>Accept (Y)</source>
        <translation>قبول (Y)</translation>
    </message>
    <message>
        <location filename="../../gui/known_claims_panel.py" line="125"/>
        <source>Accept: these words are the claim checked elsewhere</source>
        <translation>قبول: هذه الكلمات هي الادعاء الذي تُحقق منه في موضع آخر</translation>
    </message>
    <message>
        <location filename="../../gui/known_claims_panel.py" line="126"/>
        <source>Dismiss (X)</source>
        <translation>تجاهل (X)</translation>
    </message>
    <message>
        <location filename="../../gui/known_claims_panel.py" line="128"/>
        <source>Dismiss: never suggest it here again</source>
        <translation>تجاهل: لا تقترحه هنا مرة أخرى</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/known_claims_panel.py" line="146"/>
        <source>%n known claim(s) in this article, from the first places found: it repeats known claims too often to search it all.</source>
        <translation>
            <numerusform>لا ادعاءات معروفة في هذا المقال، من أول المواضع التي وُجدت: يكرر المقال ادعاءات معروفة أكثر من أن يُبحث فيه كله.</numerusform>
            <numerusform>ادعاء معروف واحد في هذا المقال، من أول المواضع التي وُجدت: يكرر المقال ادعاءات معروفة أكثر من أن يُبحث فيه كله.</numerusform>
            <numerusform>ادعاءان معروفان في هذا المقال، من أول المواضع التي وُجدت: يكرر المقال ادعاءات معروفة أكثر من أن يُبحث فيه كله.</numerusform>
            <numerusform>%n ادعاءات معروفة في هذا المقال، من أول المواضع التي وُجدت: يكرر المقال ادعاءات معروفة أكثر من أن يُبحث فيه كله.</numerusform>
            <numerusform>%n ادعاءً معروفًا في هذا المقال، من أول المواضع التي وُجدت: يكرر المقال ادعاءات معروفة أكثر من أن يُبحث فيه كله.</numerusform>
            <numerusform>%n ادعاء معروف في هذا المقال، من أول المواضع التي وُجدت: يكرر المقال ادعاءات معروفة أكثر من أن يُبحث فيه كله.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/known_claims_panel.py" line="150"/>
        <source>%n known claim(s) in this article</source>
        <translation>
            <numerusform>لا ادعاءات معروفة في هذا المقال</numerusform>
            <numerusform>ادعاء معروف واحد في هذا المقال</numerusform>
            <numerusform>ادعاءان معروفان في هذا المقال</numerusform>
            <numerusform>%n ادعاءات معروفة في هذا المقال</numerusform>
            <numerusform>%n ادعاءً معروفًا في هذا المقال</numerusform>
            <numerusform>%n ادعاء معروف في هذا المقال</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/known_claims_panel.py" line="152"/>
        <source>No claim checked elsewhere appears here.</source>
        <translation>لا يرد هنا أي ادعاء تُحقق منه في موضع آخر.</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="142"/>
        <source>Verdict Labels</source>
        <translation>تصنيفات الأحكام</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="146"/>
        <source>Verdict labels</source>
        <translation>تصنيفات الأحكام</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="148"/>
        <source>ID</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="148"/>
        <source>English name</source>
        <translation>الاسم الإنجليزي</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="148"/>
        <source>Arabic name</source>
        <translation>الاسم العربي</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="148"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="231"/>
        <source>Press Enter or double-click to choose a colour</source>
        <translation>اضغط Enter أو انقر نقرًا مزدوجًا لاختيار اللون</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="149"/>
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="149"/>
        <source>Rating</source>
        <translation>التقييم</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="149"/>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="151"/>
        <source>&amp;Add Label…</source>
        <translation>إ&amp;ضافة تصنيف…</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="153"/>
        <source>Add a verdict label</source>
        <translation>إضافة تصنيف حكم</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="202"/>
        <source>This project is open read-only.</source>
        <translation>هذا المشروع مفتوح للقراءة فقط.</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <location filename="../../gui/review_panels.py" line="52"/>
        <source>Annotators: tick to show their claims</source>
        <translation>المدققون: حدّد لإظهار ادعاءاتهم</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="53"/>
        <source>Mine Only</source>
        <translation>ادعاءاتي فقط</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="55"/>
        <source>Show only my claims</source>
        <translation>إظهار ادعاءاتي فقط</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="56"/>
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="58"/>
        <source>Show everyone&apos;s claims</source>
        <translation>إظهار ادعاءات الجميع</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="81"/>
        <source> (you)</source>
        <translation> (أنت)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>This article was deleted since the search.</source>
        <translation>حُذف هذا المقال بعد البحث.</translation>
    </message>
    <message>
        <source>This note's claim is no longer in the article: it was deleted or untagged since the search.</source>
        <translation>لم يعد ادعاء هذه الملاحظة في المقال: حُذف أو أُزيل وسمه بعد البحث.</translation>
    </message>
    <message>
        <source>Choose a claim, then select the words it should hold.</source>
        <translation>اختر ادعاءً، ثم حدّد الكلمات التي ينبغي أن يحملها.</translation>
    </message>
    <message>
        <source>The claim holds these words already: select the words it should hold.</source>
        <translation>يحمل الادعاء هذه الكلمات أصلًا: حدّد الكلمات التي ينبغي أن يحملها.</translation>
    </message>
    <message>
        <source>The claim now holds %1 (%2).</source>
        <translation>صار الادعاء يحمل %1 (%2).</translation>
    </message>
    <message>
        <source>Chosen: %1, %2.</source>
        <translation>اختير: %1، %2.</translation>
    </message>
    <message>
        <source>(From the first again.)</source>
        <translation>(من الأول مجددًا.)</translation>
    </message>
    <message>
        <source>(From the last again.)</source>
        <translation>(من الأخير مجددًا.)</translation>
    </message>
    <message>
        <source>Deleted the article %1 (Undo, or Project ▸ Deleted Articles, brings it back).</source>
        <translation>حُذف المقال %1 (التراجع، أو المشروع ◂ المقالات المحذوفة، يعيده).</translation>
    </message>
    <message>
        <source>Chosen: %1, %2. A verdict key relabels it.</source>
        <translation>اختير: %1، %2. مفتاح الحكم يغيّر حكمه.</translation>
    </message>
    <message>
        <source>This project is open read-only: nothing can be tagged in it.</source>
        <translation>هذا المشروع مفتوح للقراءة فقط: لا يمكن وسم شيء فيه.</translation>
    </message>
    <message>
        <source>Claim %3 of %4: %1, %2.</source>
        <translation>الادعاء %3 من %4: %1، %2.</translation>
    </message>
    <message>
        <source>Edit ▸ Undo, or Project ▸ Deleted Articles later, brings it back.</source>
        <translation>تحرير ◂ تراجع، أو المشروع ◂ المقالات المحذوفة لاحقًا، يعيده.</translation>
    </message>
    <message>
        <source>Getting Started</source>
        <translation>البدء</translation>
    </message>
    <message>
        <source>1. Bring an article in: File ▸ Import Article (%1), paste a copied text (%2), or drop a file on the window.</source>
        <translation>1. أدخل مقالًا: ملف ◂ استيراد مقال (%1)، أو الصق نصًا منسوخًا (%2)، أو أفلت ملفًا على النافذة.</translation>
    </message>
    <message>
        <source>2. Select a claim's words in the article and press its verdict's key: %1. Everything is saved as you go.</source>
        <translation>2. حدّد كلمات الادعاء في المقال واضغط مفتاح حكمه: %1. يُحفظ كل شيء فورًا.</translation>
    </message>
    <message>
        <source>3. Write why in the note, and add the links of the evidence, in the editor under the list of claims.</source>
        <translation>3. اكتب السبب في الملاحظة، وأضف روابط الأدلة، في المحرر تحت قائمة الادعاءات.</translation>
    </message>
    <message>
        <source>4. Tag All Occurrences (%1) makes every place of the words one claim; Move Claim to Selected Words (%2) sets a claim's words right (a word short, or one too many).</source>
        <translation>4. «وسم كل المواضع» (%1) يجعل كل مواضع الكلمات ادعاءً واحدًا؛ و«نقل الادعاء إلى الكلمات المحددة» (%2) يصحّح كلمات ادعاء (كلمة ناقصة أو زائدة).</translation>
    </message>
    <message>
        <source>5. Known Claims lists claims checked in other articles whose words appear here: %1 accepts one, %2 dismisses it.</source>
        <translation>5. «الادعاءات المعروفة» تسرد ادعاءات تُحقق منها في مقالات أخرى وترد كلماتها هنا: %1 يقبل أحدها، و%2 يتجاهله.</translation>
    </message>
    <message>
        <source>6. An editor reviews a colleague's claims: %1 accepts, %2 rejects; File ▸ Merge Colleague's Project (%3) brings their work in.</source>
        <translation>6. يراجع المحرر ادعاءات زميل: %1 يقبل، و%2 يرفض؛ و«ملف ◂ دمج مشروع زميل» (%3) يُدخل عمله.</translation>
    </message>
    <message>
        <source>7. File ▸ Export (%1) writes CSV, JSON, W3C annotations or ClaimReview; File ▸ Export Review Packet, a PDF or HTML to read.</source>
        <translation>7. «ملف ◂ تصدير» (%1) يكتب CSV أو JSON أو تعليقات W3C أو ClaimReview؛ و«ملف ◂ تصدير ملف المراجعة» يكتب ملف PDF أو HTML للقراءة.</translation>
    </message>
    <message>
        <source>Every key: Help ▸ Keyboard Shortcuts (%1).</source>
        <translation>كل المفاتيح: مساعدة ◂ اختصارات لوحة المفاتيح (%1).</translation>
    </message>
    <message>
        <source>Accepted: %1 is a place of the known claim now, %2.</source>
        <translation>قُبل: صارت %1 موضعًا للادعاء المعروف، %2.</translation>
    </message>
    <message>
        <source>Dismissed: the known claim is not suggested for %1 again (Undo brings it back).</source>
        <translation>تُجوهل: لن يُقترح الادعاء المعروف لـ%1 بعد الآن (التراجع يعيده).</translation>
    </message>
    <message>
        <source>No known claim to accept here.</source>
        <translation>لا ادعاء معروفًا لقبوله هنا.</translation>
    </message>
    <message>
        <source>No known claim to dismiss here.</source>
        <translation>لا ادعاء معروفًا لتجاهله هنا.</translation>
    </message>
    <message>
        <source>The known claim you chose is no longer suggested here: choose another to accept.</source>
        <translation>الادعاء المعروف الذي اخترته لم يعد مقترحًا هنا: اختر غيره لقبوله.</translation>
    </message>
    <message>
        <source>The known claim you chose is no longer suggested here: choose another to dismiss.</source>
        <translation>الادعاء المعروف الذي اخترته لم يعد مقترحًا هنا: اختر غيره لتجاهله.</translation>
    </message>
    <message>
        <source>The known claim you chose for %1 is no longer suggested here; choose another to accept or dismiss.</source>
        <translation>الادعاء المعروف الذي اخترته لـ%1 لم يعد مقترحًا هنا؛ اختر غيره لقبوله أو تجاهله.</translation>
    </message>
    <message>
        <source>Select a claim to write its note first.</source>
        <translation>حدّد ادعاءً لكتابة ملاحظته أولًا.</translation>
    </message>
    <message>
        <source>This project is open read-only.</source>
        <translation>هذا المشروع مفتوح للقراءة فقط.</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>الحكم: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>الملاحظة: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>المصدر: %1</translation>
    </message>
    <message>
        <source>Article: %1</source>
        <translation>المقال: %1</translation>
    </message>
    <message>
        <source>Copied the claim «%1».</source>
        <translation>نُسخ الادعاء «%1».</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>أتحذف «%1»؟</translation>
    </message>
    <message>
        <source>Edit ▸ Undo brings them back.</source>
        <translation>تحرير ◂ تراجع يعيد ذلك.</translation>
    </message>
    <message>
        <source>Delete Article</source>
        <translation>حذف المقال</translation>
    </message>
    <message numerus="yes">
        <source>Its %n tagged place(s) are untagged with it.</source>
        <translation>
            <numerusform>لا مواضع موسومة فيه.</numerusform>
            <numerusform>يُزال معه وسم موضع واحد.</numerusform>
            <numerusform>يُزال معه وسم موضعين.</numerusform>
            <numerusform>يُزال معه وسم %n مواضع.</numerusform>
            <numerusform>يُزال معه وسم %n موضعًا.</numerusform>
            <numerusform>يُزال معه وسم %n موضع.</numerusform>
        </translation>
    </message>
    <message>
        <source>Closing once this is done: %1</source>
        <translation>تُغلق النافذة حين ينتهي هذا: %1</translation>
    </message>
    <message>
        <source> [moved or deleted]</source>
        <translation> [نُقل أو حُذف]</translation>
    </message>
    <message>
        <source>Project File Missing</source>
        <translation>ملف المشروع مفقود</translation>
    </message>
    <message>
        <source>The project file was just moved or renamed: change the language again once the window has followed it.</source>
        <translation>نُقل ملف المشروع أو غُيّر اسمه للتو: غيّر اللغة مرة أخرى بعد أن تتبعه النافذة.</translation>
    </message>
    <message>
        <source>Project File Moved</source>
        <translation>نُقل ملف المشروع</translation>
    </message>
    <message>
        <source>%1 was moved or renamed to %2 while it was open. It holds all the work, and the window goes on there.</source>
        <translation>نُقل %1 أو غُيّر اسمه إلى %2 وهو مفتوح. فيه العمل كله، وتستمر النافذة هناك.</translation>
    </message>
    <message>
        <source>Project File Replaced</source>
        <translation>استُبدل ملف المشروع</translation>
    </message>
    <message>
        <source>%1 was replaced by another file while it was open (a sync client&apos;s or a colleague&apos;s copy, say). This window&apos;s work was kept apart from it, in %2 beside it, and goes on there: merge the two with File ▸ Merge Colleague&apos;s Project… when you want them together.</source>
        <translation>استُبدل %1 بملف آخر وهو مفتوح (نسخة من برنامج مزامنة أو من زميل مثلًا). حُفظ عمل هذه النافذة بمعزل عنه، في %2 بجانبه، ويستمر هناك: ادمج الاثنين من ملف ◂ دمج مشروع زميل… متى أردت جمعهما.</translation>
    </message>
    <message>
        <source>Save a Copy…</source>
        <translation>احفظ نسخة…</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>ليس الآن</translation>
    </message>
    <message>
        <source>Close Without Saving</source>
        <translation>أغلق دون حفظ</translation>
    </message>
    <message>
        <source>Typing Not Saved</source>
        <translation>لم يُحفظ ما كُتب</translation>
    </message>
    <message>
        <source>The note typed is for a claim deleted since (by another window, program or colleague), and is lost if this window closes now. Restore the claim (Edit ▸ Deleted Claims…) to keep it, or copy the note elsewhere.</source>
        <translation>الملاحظة المكتوبة لادعاء حُذف منذ ذلك الحين (من نافذة أخرى أو برنامج آخر أو زميل)، وتضيع إن أُغلقت هذه النافذة الآن. استعد الادعاء (تحرير ◂ الادعاءات المحذوفة…) لتحتفظ بها، أو انسخ الملاحظة إلى مكان آخر.</translation>
    </message>
    <message>
        <source>A note or a link typed could not be saved to the project, and is lost if this window closes now. Try again once the project can be written, or keep the window open and copy it elsewhere.</source>
        <translation>تعذّر حفظ ملاحظة أو رابط كُتب في المشروع، ويضيع إن أُغلقت هذه النافذة الآن. أعد المحاولة حين تمكن الكتابة في المشروع، أو أبقِ النافذة مفتوحة وانسخه إلى مكان آخر.</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>أعد المحاولة</translation>
    </message>
    <message>
        <source>%1 was moved, renamed or deleted while it was open. Save a copy of the project, or the work since may be lost when this window closes.</source>
        <translation>نُقل %1 أو غُيّر اسمه أو حُذف وهو مفتوح. احفظ نسخة من المشروع، وإلا فقد يضيع ما عملته منذ ذلك حين تُغلق هذه النافذة.</translation>
    </message>
    <message>
        <source>Another program or task is writing this project: waiting for it to finish…</source>
        <translation>برنامج آخر أو مهمة أخرى تكتب في هذا المشروع: في انتظار أن تنتهي…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="670"/>
        <source>Tahqiq %1: a desktop annotation tool for fact-checkers, free under the MIT licence.</source>
        <translation>تحقيق %1: أداة سطح مكتب لتوسيم الادعاءات والتحقق منها، حرة بموجب رخصة MIT.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="672"/>
        <source>Project: %1</source>
        <translation>المشروع: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="675"/>
        <source>About Tahqiq</source>
        <translation>عن تحقيق</translation>
    </message>
    <message>
        <source>Tagged %1 as %2.</source>
        <translation>وُسم %1 بحكم «%2».</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>صار حكم %1: %2.</translation>
    </message>
    <message>
        <source>You already tagged %1 as %2.</source>
        <translation>سبق أن وسمتَ %1 بحكم «%2».</translation>
    </message>
    <message>
        <source>%1 is %2 already.</source>
        <translation>حكم %1 هو «%2» من قبل.</translation>
    </message>
    <message>
        <source>In a claim: %1, %2. Enter selects it.</source>
        <translation>في ادعاء: %1، %2. Enter يحدده.</translation>
    </message>
    <message>
        <source>Panels in this place</source>
        <translation>اللوحات في هذا الموضع</translation>
    </message>
    <message>
        <source>Redone in %1: %2.</source>
        <translation>أعدتَ في %1: %2.</translation>
    </message>
    <message>
        <source>Undone in %1: %2.</source>
        <translation>تراجعتَ في %1 عن: %2.</translation>
    </message>
    <message>
        <source>Redone: %1.</source>
        <translation>أعدتَ: %1.</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>تراجعتَ عن: %1.</translation>
    </message>
    <message>
        <source>Tahqiq</source>
        <translation>تحقيق</translation>
    </message>
    <message>
        <source>Deleted the claim %1 (Undo brings it back).</source>
        <translation>حُذف الادعاء %1 (التراجع يعيده).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/mainwindow.py" line="614"/>
        <source>Untagged %1 here; the claim stays at its %n other place(s) (Undo tags it again).</source>
        <translation>
            <numerusform>أُزيل وسم %1 هنا (التراجع يعيده).</numerusform>
            <numerusform>أُزيل وسم %1 هنا؛ ويبقى الادعاء في موضعه الآخر (التراجع يعيد الوسم).</numerusform>
            <numerusform>أُزيل وسم %1 هنا؛ ويبقى الادعاء في موضعيه الآخرين (التراجع يعيد الوسم).</numerusform>
            <numerusform>أُزيل وسم %1 هنا؛ ويبقى الادعاء في مواضعه الـ%n الأخرى (التراجع يعيد الوسم).</numerusform>
            <numerusform>أُزيل وسم %1 هنا؛ ويبقى الادعاء في مواضعه الـ%n الأخرى (التراجع يعيد الوسم).</numerusform>
            <numerusform>أُزيل وسم %1 هنا؛ ويبقى الادعاء في مواضعه الـ%n الأخرى (التراجع يعيد الوسم).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="1"/>
        <source>This project has no articles yet.

Import one (%s), paste a copied text as a new article (%s), or drop a file on the window.</source>
        <translation>لا مقالات في هذا المشروع بعد.

استورد مقالًا (%s)، أو الصق نصًا منسوخًا مقالًا جديدًا (%s)، أو أفلت ملفًا على النافذة.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="152"/>
        <source>This project was upgraded from an older Tahqiq; the file as it was is kept as %s</source>
        <translation>رُقّي هذا المشروع من إصدار أقدم من تحقيق؛ والملف كما كان محفوظ باسم %s</translation>
    </message>
    <message>
        <source>Upgrading %1 from an older Tahqiq…</source>
        <translation>يُرقّى %1 من إصدار أقدم من تحقيق…</translation>
    </message>
    <message>
        <source>An older Tahqiq opens a copy saved with File ▸ Save a Copy for an Older Tahqiq.</source>
        <translation>ويفتح تحقيق الأقدم نسخة تُحفظ بالأمر ملف ◂ حفظ نسخة لإصدار أقدم من تحقيق.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="78"/>
        <source>Articles in this project</source>
        <translation>المقالات في هذا المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="89"/>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="91"/>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="95"/>
        <source>Claims</source>
        <translation>الادعاءات</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="98"/>
        <source>Known Claims</source>
        <translation>الادعاءات المعروفة</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="108"/>
        <source>Who is tagging</source>
        <translation>من يدقق</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="273"/>
        <source>Select words in the article first, then choose a verdict.</source>
        <translation>حدّد كلمات في المقال أولًا، ثم اختر حكمًا.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/mainwindow.py" line="311"/>
        <source>Tagged %n place(s).</source>
        <translation>
            <numerusform>لم يُوسم أي موضع.</numerusform>
            <numerusform>وُسم موضع واحد.</numerusform>
            <numerusform>وُسم موضعان.</numerusform>
            <numerusform>وُسمت %n مواضع.</numerusform>
            <numerusform>وُسم %n موضعًا.</numerusform>
            <numerusform>وُسم %n موضع.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/mainwindow.py" line="545"/>
        <source>%n place(s) you had tagged as another claim left as they are.</source>
        <translation>
            <numerusform>لم يبقَ على حاله أي موضع كنت وسمته ادعاءً آخر.</numerusform>
            <numerusform>بقي على حاله موضع واحد كنت وسمته ادعاءً آخر.</numerusform>
            <numerusform>بقي على حالهما موضعان كنت وسمتهما ادعاءً آخر.</numerusform>
            <numerusform>بقيت على حالها %n مواضع كنت وسمتها ادعاءً آخر.</numerusform>
            <numerusform>بقيت على حالها %n موضعًا كنت وسمتها ادعاءً آخر.</numerusform>
            <numerusform>بقيت على حالها %n موضع كنت وسمتها ادعاءً آخر.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="449"/>
        <source>(in memory)</source>
        <translation>(في الذاكرة)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="451"/>
        <source> [read-only]</source>
        <translation> [للقراءة فقط]</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="453"/>
        <source>Tagging as: %s</source>
        <translation>المدقق: %s</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="454"/>
        <source> · read-only</source>
        <translation> · للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="501"/>
        <source>Verdict shortcuts changed</source>
        <translation>تغيّرت اختصارات الأحكام</translation>
    </message>
</context>
<context>
    <name>NewLabelDialog</name>
    <message>
        <source>Colour: %1</source>
        <translation>اللون: %1</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="228"/>
        <source>New Label</source>
        <translation>تصنيف جديد</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="230"/>
        <location filename="../../gui/settings_dialogs.py" line="246"/>
        <source>ID</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="233"/>
        <location filename="../../gui/settings_dialogs.py" line="247"/>
        <source>English name</source>
        <translation>الاسم الإنجليزي</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="235"/>
        <location filename="../../gui/settings_dialogs.py" line="248"/>
        <source>Arabic name</source>
        <translation>الاسم العربي</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="237"/>
        <location filename="../../gui/settings_dialogs.py" line="250"/>
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="239"/>
        <location filename="../../gui/settings_dialogs.py" line="251"/>
        <source>Rating</source>
        <translation>التقييم</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="243"/>
        <location filename="../../gui/settings_dialogs.py" line="249"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
</context>
<context>
    <name>PdfRepairDialog</name>
    <message>
        <location filename="../../gui/article_dialogs.py" line="121"/>
        <source>Repair Text Copied from a PDF?</source>
        <translation>إصلاح نص منسوخ من ملف PDF؟</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="114"/>
        <source>This text looks like Arabic copied out of a PDF: its letters are in the shapes a PDF draws (presentation forms), often in visual order, and search cannot find its words. Tahqiq can turn it back into ordinary Arabic text.</source>
        <translation>يبدو أن هذا النص عربي منسوخ من ملف PDF: حروفه بالأشكال التي يرسمها ملف PDF (أشكال العرض)، وكثيرًا ما تكون بالترتيب المرئي، فلا يجد البحث كلماته. يستطيع «تحقيق» أن يعيده نصًا عربيًا عاديًا.</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="117"/>
        <source>As pasted</source>
        <translation>كما لُصق</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="118"/>
        <source>Repaired</source>
        <translation>بعد الإصلاح</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="119"/>
        <source>Repair</source>
        <translation>إصلاح</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="119"/>
        <source>Keep as Pasted</source>
        <translation>إبقاؤه كما لُصق</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="57"/>
        <source>Claims you tagged as %1 keep that name: under a new one they count as a colleague's, and you could review them.</source>
        <translation>تبقى الادعاءات التي وسمتها باسم %1 بذلك الاسم: تحت اسم جديد تُعدّ ادعاءات زميل، ويمكنك أن تراجعها.</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="37"/>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="40"/>
        <source>Your name, recorded on your claims</source>
        <translation>اسمك، يُسجَّل على ادعاءاتك</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="43"/>
        <location filename="../../gui/settings_dialogs.py" line="53"/>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="52"/>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>أُلغي الاستيراد: لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>Words Search Will Miss</source>
        <translation>كلمات لن يجدها البحث</translation>
    </message>
    <message>
        <source>Import cancelled: %1 of %2 files imported.</source>
        <translation>أُلغي الاستيراد: استُورد %1 من %2 من الملفات.</translation>
    </message>
    <message numerus="yes">
        <source>On the way in: %n change(s), in the Import Report.</source>
        <translation>
            <numerusform>عند الاستيراد: لا تغييرات.</numerusform>
            <numerusform>عند الاستيراد: تغيير واحد، في «تقرير الاستيراد».</numerusform>
            <numerusform>عند الاستيراد: تغييران، في «تقرير الاستيراد».</numerusform>
            <numerusform>عند الاستيراد: %n تغييرات، في «تقرير الاستيراد».</numerusform>
            <numerusform>عند الاستيراد: %n تغييرًا، في «تقرير الاستيراد».</numerusform>
            <numerusform>عند الاستيراد: %n تغيير، في «تقرير الاستيراد».</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation>تقرير الاستيراد</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Save a Copy for an Older Tahqiq</source>
        <translation>حفظ نسخة لإصدار أقدم من تحقيق</translation>
    </message>
    <message>
        <source>Saved %1: Tahqiq versions from 1 December 2026 on can open it</source>
        <translation>حُفظ %1: يفتحه تحقيق منذ 1 ديسمبر 2026 فما بعده</translation>
    </message>
    <message>
        <source>New Project Like This One</source>
        <translation>مشروع جديد مثل هذا</translation>
    </message>
    <message>
        <source>There is no project at %1.

Make a new project there?</source>
        <translation>لا مشروع في %1.

أتنشئ مشروعًا جديدًا هناك؟</translation>
    </message>
    <message>
        <source>Project File</source>
        <translation>ملف مشروع</translation>
    </message>
    <message>
        <source>«%1» is a Tahqiq project. Open it in place of this one, or merge its work (a colleague's copy) into this project?</source>
        <translation>«%1» مشروع لتحقيق. أتفتحه مكان هذا المشروع، أم تدمج عمله (نسخة زميل) في هذا المشروع؟</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <source>A project file is opened or merged on its own: drop «%1» alone.</source>
        <translation>ملف المشروع يُفتح أو يُدمج وحده: أفلِت «%1» وحده.</translation>
    </message>
    <message>
        <source>%1 — in %2</source>
        <translation>%1 — في %2</translation>
    </message>
    <message>
        <source>Save a Copy of the Project</source>
        <translation>حفظ نسخة من المشروع</translation>
    </message>
    <message>
        <source>%1 is empty: it holds no project yet (a copy that stopped halfway leaves such a file).

Make a new project in it?</source>
        <translation>الملف %1 فارغ: لا مشروع فيه بعد (هكذا يبقى الملف إذا توقف نسخه في منتصفه).

أأنشئ فيه مشروعًا جديدًا؟</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n article(s): %1.</source>
        <translation>
            <numerusform>لم يُستورد أي مقال: %1.</numerusform>
            <numerusform>استُورد مقال واحد: %1.</numerusform>
            <numerusform>استُورد مقالان: %1.</numerusform>
            <numerusform>استُوردت %n مقالات: %1.</numerusform>
            <numerusform>استُورد %n مقالًا: %1.</numerusform>
            <numerusform>استُورد %n مقال: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in this project: %1.</source>
        <translation>
            <numerusform>لا شيء موجود سلفًا في هذا المشروع: %1.</numerusform>
            <numerusform>واحد موجود سلفًا في هذا المشروع: %1.</numerusform>
            <numerusform>اثنان موجودان سلفًا في هذا المشروع: %1.</numerusform>
            <numerusform>%n موجودة سلفًا في هذا المشروع: %1.</numerusform>
            <numerusform>%n موجودًا سلفًا في هذا المشروع: %1.</numerusform>
            <numerusform>%n موجود سلفًا في هذا المشروع: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n article(s).</source>
        <translation>
            <numerusform>لم يُستورد أي مقال.</numerusform>
            <numerusform>استُورد مقال واحد.</numerusform>
            <numerusform>استُورد مقالان.</numerusform>
            <numerusform>استُوردت %n مقالات.</numerusform>
            <numerusform>استُورد %n مقالًا.</numerusform>
            <numerusform>استُورد %n مقال.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in this project.</source>
        <translation>
            <numerusform>لا شيء موجود سلفًا في هذا المشروع.</numerusform>
            <numerusform>واحد موجود سلفًا في هذا المشروع.</numerusform>
            <numerusform>اثنان موجودان سلفًا في هذا المشروع.</numerusform>
            <numerusform>%n موجودة سلفًا في هذا المشروع.</numerusform>
            <numerusform>%n موجودًا سلفًا في هذا المشروع.</numerusform>
            <numerusform>%n موجود سلفًا في هذا المشروع.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) had parts left out — see Import Report.</source>
        <translation>
            <numerusform>لم يُترك شيء من أي مستند — انظر «تقرير الاستيراد».</numerusform>
            <numerusform>تُرك بعض ما في مستند واحد — انظر «تقرير الاستيراد».</numerusform>
            <numerusform>تُرك بعض ما في مستندين — انظر «تقرير الاستيراد».</numerusform>
            <numerusform>تُرك بعض ما في %n مستندات — انظر «تقرير الاستيراد».</numerusform>
            <numerusform>تُرك بعض ما في %n مستندًا — انظر «تقرير الاستيراد».</numerusform>
            <numerusform>تُرك بعض ما في %n مستند — انظر «تقرير الاستيراد».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) had parts left out; %1 — see Import Report.</source>
        <translation>
            <numerusform>لم يُترك شيء من أي مستند؛ %1 — انظر «تقرير الاستيراد».</numerusform>
            <numerusform>تُرك بعض ما في مستند واحد؛ %1 — انظر «تقرير الاستيراد».</numerusform>
            <numerusform>تُرك بعض ما في مستندين؛ %1 — انظر «تقرير الاستيراد».</numerusform>
            <numerusform>تُرك بعض ما في %n مستندات؛ %1 — انظر «تقرير الاستيراد».</numerusform>
            <numerusform>تُرك بعض ما في %n مستندًا؛ %1 — انظر «تقرير الاستيراد».</numerusform>
            <numerusform>تُرك بعض ما في %n مستند؛ %1 — انظر «تقرير الاستيراد».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other change(s)</source>
        <translation>
            <numerusform>لا تغييرات أخرى</numerusform>
            <numerusform>تغيير آخر</numerusform>
            <numerusform>تغييران آخران</numerusform>
            <numerusform>%n تغييرات أخرى</numerusform>
            <numerusform>%n تغييرًا آخر</numerusform>
            <numerusform>%n تغيير آخر</numerusform>
        </translation>
    </message>
    <message>
        <source>What importing changed or left out</source>
        <translation>ما غيّره الاستيراد أو تركه</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="95"/>
        <source>Tahqiq projects (*%s)</source>
        <translation>مشاريع تحقيق (*%s)</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="96"/>
        <source>;;All files (*)</source>
        <translation>;;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="100"/>
        <source>New Project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="108"/>
        <source>Open Project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="125"/>
        <source>Back Up Project</source>
        <translation>نسخ احتياطي للمشروع</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="136"/>
        <source>Backed up to %s</source>
        <translation>نُسخ احتياطيًا إلى %s</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="142"/>
        <source>Import Article</source>
        <translation>استيراد مقال</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="143"/>
        <source>Articles (*.txt *.html *.htm *.xhtml *.docx *.docm *.odt);;All files (*)</source>
        <translation>المقالات (*.txt *.html *.htm *.xhtml *.docx *.docm *.odt);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="186"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="206"/>
        <source>Reading…</source>
        <translation>جارٍ القراءة…</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="214"/>
        <source>The clipboard holds no text.</source>
        <translation>لا يوجد نص في الحافظة.</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="232"/>
        <source>Imported «%s» (%s).</source>
        <translation>استُورد «%s» (%s).</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="283"/>
        <source>Imported «%s».</source>
        <translation>استُورد «%s».</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="234"/>
        <source>«%s» is already in this project.</source>
        <translation>«%s» موجود في هذا المشروع مسبقًا.</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="236"/>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="249"/>
        <source>Export Claims</source>
        <translation>تصدير الادعاءات</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="256"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="258"/>
        <source>Exported to %s</source>
        <translation>صُدّر إلى %s</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="267"/>
        <source>Export Review Packet</source>
        <translation>تصدير ملف المراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="268"/>
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="281"/>
        <source>Review packet saved to %s</source>
        <translation>حُفظ ملف المراجعة في %s</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="286"/>
        <source>Merge Colleague&apos;s Project</source>
        <translation>دمج مشروع زميل</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="287"/>
        <source>;;Tahqiq CSV (*.csv);;All files (*)</source>
        <translation>;;ملفات CSV من تحقيق (*.csv);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="289"/>
        <source>Merging…</source>
        <translation>جارٍ الدمج…</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="293"/>
        <source>Import Claims</source>
        <translation>استيراد ادعاءات</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="293"/>
        <source>Tahqiq CSV (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>ملف CSV من تحقيق (*.csv *.tsv *.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="295"/>
        <source>Importing claims…</source>
        <translation>جارٍ استيراد الادعاءات…</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="349"/>
        <source>Imported claims from %s</source>
        <translation>استُوردت الادعاءات من %s</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="305"/>
        <source>%s already exists. Replace it?</source>
        <translation>الملف %s موجود. أتريد استبداله؟</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="161"/>
        <source>%s already exists. Open it?</source>
        <translation>الملف %s موجود. أتريد فتحه؟</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="179"/>
        <source>%s is the project open now.</source>
        <translation>الملف %s هو المشروع المفتوح الآن.</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="302"/>
        <source>Merged %s</source>
        <translation>دُمج %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/project_files.py" line="659"/>
        <source>%n claim(s) left out of ClaimReview:</source>
        <translation>
            <numerusform>لم يُترك أي ادعاء خارج ClaimReview:</numerusform>
            <numerusform>تُرك ادعاء واحد خارج ClaimReview:</numerusform>
            <numerusform>تُرك ادعاءان خارج ClaimReview:</numerusform>
            <numerusform>تُركت %n ادعاءات خارج ClaimReview:</numerusform>
            <numerusform>تُرك %n ادعاءً خارج ClaimReview:</numerusform>
            <numerusform>تُرك %n ادعاء خارج ClaimReview:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="651"/>
        <source>their words are published as another claim with the same verdict, with that claim&apos;s own note and sources: copy theirs into it to publish them</source>
        <translation>كلماتها منشورة في ادعاء آخر بالحكم نفسه، بملاحظة ذلك الادعاء ومصادره: انسخ ملاحظاتها ومصادرها إليه لتُنشر</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="685"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="688"/>
        <source>%1: %2, published as %3</source>
        <translation>%1: %2، منشورةً في %3</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="689"/>
        <source>%1: %2, published as %3 %4</source>
        <translation>%1: %2، منشورةً في %3 %4</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="695"/>
        <source>%1&apos;s</source>
        <comment>whose claim</comment>
        <translation>ادعاء %1</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="699"/>
        <source>%1 and %2</source>
        <translation>%1 و%2</translation>
    </message>
    <message>
        <location filename="../../gui/project_files.py" line="701"/>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/project_files.py" line="665"/>
        <source>and %n more</source>
        <translation>
            <numerusform>ولا غيرها</numerusform>
            <numerusform>وادعاء آخر</numerusform>
            <numerusform>وادعاءان آخران</numerusform>
            <numerusform>و%n ادعاءات أخرى</numerusform>
            <numerusform>و%n ادعاءً آخر</numerusform>
            <numerusform>و%n ادعاء آخر</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectSettingsDialog</name>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="66"/>
        <source>Project Settings</source>
        <translation>إعدادات المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="70"/>
        <source>Organisation publishing the fact-checks</source>
        <translation>الجهة التي تنشر التحققات</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="73"/>
        <source>Address of a fact-check</source>
        <translation>رابط التحقق</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="78"/>
        <source>The project&apos;s language</source>
        <translation>لغة المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="79"/>
        <source>As most articles</source>
        <translation>كأغلب المقالات</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="83"/>
        <source>A ClaimReview export needs both: {id} in the address stands for the claim&apos;s id.</source>
        <translation>يحتاج تصدير ClaimReview إلى الاثنين: {id} في الرابط مكان معرّف الادعاء.</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="91"/>
        <source>Organisation</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="92"/>
        <source>Fact-check address</source>
        <translation>رابط التحقق</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="93"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="113"/>
        <source>This project is open read-only.</source>
        <translation>هذا المشروع مفتوح للقراءة فقط.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../gui/i18n.py" line="35"/>
        <source>Drive</source>
        <translation>قرص</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="38"/>
        <source>Folder</source>
        <translation>مجلد</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="39"/>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../gui/i18n.py" line="33"/>
        <source>&amp;Look in:</source>
        <translation>ا&amp;بحث في:</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="34"/>
        <source>Files of &amp;type:</source>
        <translation>ملفات من ال&amp;نوع:</translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <source>The name you gave before, kept in %1, cannot be read. Give it again, as you wrote it then:</source>
        <translation>تعذّرت قراءة الاسم الذي أدخلته من قبل، المحفوظ في %1. أدخله مرة أخرى كما كتبته حينها:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="30"/>
        <source>Who is tagging?</source>
        <translation>من يدقق؟</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="31"/>
        <source>Your name is recorded on every claim and change you make:</source>
        <translation>يُسجَّل اسمك على كل ادعاء وتعديل تقوم به:</translation>
    </message>
</context>
<context>
    <name>ReviewTools</name>
    <message>
        <location filename="../../gui/review_tools.py" line="39"/>
        <source>Annotators</source>
        <translation>المدققون</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="41"/>
        <source>Disagreements</source>
        <translation>الخلافات</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="89"/>
        <location filename="../../gui/review_tools.py" line="173"/>
        <source>Select a claim to review first.</source>
        <translation>حدّد ادعاءً لمراجعته أولًا.</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="195"/>
        <source>%1's claim on %2 is now %3, as %4 has it (Undo takes it back).</source>
        <translation>ادعاء %1 على %2 صار حكمه «%3»، كما عند %4 (التراجع يعيده).</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="221"/>
        <source>Adopt %s</source>
        <translation>اعتماد «%s»</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="186"/>
        <source>Accepted. A review stays on record: review again to change it.</source>
        <translation>قُبل. تبقى المراجعة في السجل: راجِع مرة أخرى لتغييرها.</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="188"/>
        <source>Rejected. A review stays on record: review again to change it.</source>
        <translation>رُفض. تبقى المراجعة في السجل: راجِع مرة أخرى لتغييرها.</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="91"/>
        <source>This project is open read-only.</source>
        <translation>هذا المشروع مفتوح للقراءة فقط.</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="94"/>
        <source>You gave this claim its verdict: a review must come from someone else.</source>
        <translation>أنت من أعطى هذا الادعاء حكمه: يجب أن تأتي المراجعة من شخص آخر.</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="142"/>
        <source>project</source>
        <translation>المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="202"/>
        <source>Your claims are shown again: the claim chosen is yours.</source>
        <translation>عادت ادعاءاتك ظاهرة: الادعاء المختار ادعاؤك.</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="204"/>
        <source>%1&apos;s claims are shown again: the claim chosen is theirs.</source>
        <translation>عادت ادعاءات %1 ظاهرة: الادعاء المختار من ادعاءاته.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../gui/search_panel.py" line="248"/>
        <source>Show More Matches</source>
        <translation>عرض مزيد من النتائج</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="333"/>
        <source>more to show</source>
        <translation>وهناك المزيد</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="37"/>
        <source>Search the project</source>
        <translation>البحث في المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="38"/>
        <source>Search articles, quotes and notes…</source>
        <translation>ابحث في المقالات والادعاءات والملاحظات…</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="42"/>
        <source>Search results count</source>
        <translation>عدد نتائج البحث</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="45"/>
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="72"/>
        <source>text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="72"/>
        <source>claim</source>
        <translation>ادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="72"/>
        <source>note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="85"/>
        <source>No matches</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="266"/>
        <source>%1, a word apart</source>
        <translation>%1، كلمة منفردة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/search_panel.py" line="282"/>
        <source>%n match(es) of a word apart</source>
        <translation>
            <numerusform>لا نتائج لكلمة منفردة</numerusform>
            <numerusform>نتيجة واحدة لكلمة منفردة</numerusform>
            <numerusform>نتيجتان لكلمة منفردة</numerusform>
            <numerusform>%n نتائج لكلمة منفردة</numerusform>
            <numerusform>%n نتيجة لكلمة منفردة</numerusform>
            <numerusform>%n نتيجة لكلمة منفردة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/search_panel.py" line="284"/>
        <source>%n match(es) of the words together</source>
        <translation>
            <numerusform>لا نتائج للكلمات معًا</numerusform>
            <numerusform>نتيجة واحدة للكلمات معًا</numerusform>
            <numerusform>نتيجتان للكلمات معًا</numerusform>
            <numerusform>%n نتائج للكلمات معًا</numerusform>
            <numerusform>%n نتيجة للكلمات معًا</numerusform>
            <numerusform>%n نتيجة للكلمات معًا</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/search_panel.py" line="87"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجة</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="112"/>
        <source>Keyboard Shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="115"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="116"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="116"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="117"/>
        <source>Shortcut columns</source>
        <translation>أعمدة الاختصارات</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../gui/tasks.py" line="52"/>
        <source>Unexpected problem: %s</source>
        <translation>مشكلة غير متوقعة: %s</translation>
    </message>
</context>
<context>
    <name>colours</name>
    <message>
        <source>red</source>
        <translation>أحمر</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>برتقالي</translation>
    </message>
    <message>
        <source>yellow</source>
        <translation>أصفر</translation>
    </message>
    <message>
        <source>green</source>
        <translation>أخضر</translation>
    </message>
    <message>
        <source>cyan</source>
        <translation>سماوي</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>أزرق</translation>
    </message>
    <message>
        <source>purple</source>
        <translation>بنفسجي</translation>
    </message>
    <message>
        <source>pink</source>
        <translation>وردي</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>رمادي</translation>
    </message>
    <message>
        <source>white</source>
        <translation>أبيض</translation>
    </message>
    <message>
        <source>black</source>
        <translation>أسود</translation>
    </message>
    <message>
        <source>light %1</source>
        <translation>%1 فاتح</translation>
    </message>
    <message>
        <source>dark %1</source>
        <translation>%1 داكن</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../gui/article_pane.py" line="22"/>
        <source>A claim worth checking that nobody has verified yet.</source>
        <translation>ادعاء يستحق التحقق منه ولم يتحقق منه أحد بعد.</translation>
    </message>
    <message>
        <location filename="../../gui/article_pane.py" line="23"/>
        <source>The claim is supported by the evidence in its sources.</source>
        <translation>الأدلة الواردة في مصادر الادعاء تؤيده.</translation>
    </message>
    <message>
        <location filename="../../gui/article_pane.py" line="24"/>
        <source>The evidence contradicts the claim, or credible sources dispute it.</source>
        <translation>الأدلة تناقض الادعاء، أو تطعن فيه مصادر موثوقة.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../gui/tasks.py" line="67"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <source>Move claim's words</source>
        <translation>نقل كلمات الادعاء</translation>
    </message>
    <message>
        <source>Restore article “%1”</source>
        <translation>استعادة المقال «%1»</translation>
    </message>
    <message>
        <source>Delete article “%1”</source>
        <translation>حذف المقال «%1»</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="51"/>
        <source>Tag as %s</source>
        <translation>وسم بـ«%s»</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/commands.py" line="93"/>
        <source>Tag %n occurrence(s) as %1</source>
        <translation>
            <numerusform>وسم %n من المواضع بـ«%1»</numerusform>
            <numerusform>وسم موضع واحد بـ«%1»</numerusform>
            <numerusform>وسم موضعين بـ«%1»</numerusform>
            <numerusform>وسم %n مواضع بـ«%1»</numerusform>
            <numerusform>وسم %n موضعًا بـ«%1»</numerusform>
            <numerusform>وسم %n موضع بـ«%1»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/commands.py" line="108"/>
        <source>Tag %n more occurrence(s)</source>
        <translation>
            <numerusform>وسم %n من المواضع الأخرى</numerusform>
            <numerusform>وسم موضع آخر</numerusform>
            <numerusform>وسم موضعين آخرين</numerusform>
            <numerusform>وسم %n مواضع أخرى</numerusform>
            <numerusform>وسم %n موضعًا آخر</numerusform>
            <numerusform>وسم %n موضع آخر</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="122"/>
        <source>Accept known claim (%s)</source>
        <translation>قبول ادعاء معروف (%s)</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="143"/>
        <source>Dismiss suggestion</source>
        <translation>تجاهل الاقتراح</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="159"/>
        <source>Link as one claim</source>
        <translation>الربط كادعاء واحد</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="176"/>
        <source>Unlink</source>
        <translation>فصل</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="198"/>
        <source>Mark as %s</source>
        <translation>وسم بـ«%s»</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="200"/>
        <source>Edit note</source>
        <translation>تعديل الملاحظة</translation>
    </message>
    <message>
        <source>Change label %s</source>
        <translation>تغيير التصنيف %s</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="202"/>
        <source>Edit sources</source>
        <translation>تعديل المصادر</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="204"/>
        <source>Edit claim</source>
        <translation>تعديل الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="221"/>
        <source>Delete claim</source>
        <translation>حذف الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="275"/>
        <source>Restore claim</source>
        <translation>استعادة الادعاء</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <location filename="../../store/exchange/merge.py" line="216" />
        <source>    and {count} more</source>
        <translation>    و{count} غيرها</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="214" />
        <source>    claim {claim}</source>
        <translation>    الادعاء {claim}</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="64" />
        <source>  accepted: {count}</source>
        <translation>  مقبولة: {count}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="207" />
        <source>  articles brought back there: {count} (the words deleted with them here: Edit ▸ Deleted Claims, or tahqiq article ID --restore)</source>
        <translation>  مقالات أُعيدت هناك: {count} (الكلمات التي حُذفت معها هنا: تحرير ◂ الادعاءات المحذوفة، أو tahqiq article ID --restore)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="205" />
        <source>  articles deleted there: {count}</source>
        <translation>  مقالات حُذفت هناك: {count}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="223" />
        <source>  brought back there: {count}</source>
        <translation>  أُعيدت هناك: {count}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="228" />
        <source>  combined claims:  {count} (changed on both sides, in different fields: both changes kept)</source>
        <translation>  ادعاءات جُمعت:  {count} (تغيّرت في الطرفين، في حقول مختلفة: أُبقي التغييران)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="212" />
        <source>  conflicts:        {count} (the losing version is in each claim's history)</source>
        <translation>  تعارضات:          {count} (النسخة المستبعدة محفوظة في سجل كل ادعاء)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="220" />
        <source>  deleted there:    {count} (Edit ▸ Deleted Claims…, or tahqiq claim ID --restore, brings one back)</source>
        <translation>  حُذفت هناك:    {count} (تحرير ◂ الادعاءات المحذوفة…، أو tahqiq claim ID --restore، يستعيد أيًّا منها)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="256" />
        <source>  labels named or rated otherwise there: {labels} (this project's names and ratings are kept; Project ▸ Labels… changes them)</source>
        <translation>  تصنيفات لها هناك اسم أو تقييم آخر: {labels} (تبقى أسماء هذا المشروع وتقييماته؛ تغييرها من المشروع ◂ التصنيفات…)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="225" />
        <source>  left with no words: {count} (deleted: their words were untagged there, or went to another claim)</source>
        <translation>  ادعاءات بقيت بلا كلمات: {count} (حُذفت: أُزيل وسم كلماتها هناك، أو انتقلت إلى ادعاء آخر)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="249" />
        <source>  links left out:   {count} (their claims' sources that are no web links, as no command of Tahqiq takes them)</source>
        <translation>  روابط تُركت:      {count} (مصادر ادعاءاتهم التي ليست روابط ويب، إذ لا يقبلها أي أمر في تحقيق)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="235" />
        <source>  moved or relinked: {count}</source>
        <translation>  مواضع نُقلت أو أعيد ربطها: {count}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="232" />
        <source>  new appearances:  {count} (places claims are tagged in, new claims' first places included)</source>
        <translation>  مواضع ورود جديدة: {count} (مواضع وُسمت فيها ادعاءات، ومنها أول مواضع الادعاءات الجديدة)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="204" />
        <source>  new articles:     {count}</source>
        <translation>  مقالات جديدة:     {count}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="210" />
        <source>  new claims:       {count}</source>
        <translation>  ادعاءات جديدة:    {count}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="253" />
        <source>  new labels:       {count}</source>
        <translation>  تصنيفات جديدة:    {count}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="252" />
        <source>  new reviews:      {count}</source>
        <translation>  مراجعات جديدة:    {count}</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="66" />
        <source>  not yet reviewed: {count}</source>
        <translation>  لم تُراجع بعد: {count}</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="67" />
        <source>  of them, reviewed before their verdict changed: {count}</source>
        <translation>  منها ما رُوجع قبل أن يتغير حكمه: {count}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="240" />
        <source>  places in conflict: {count} (changed on both sides: the later change kept)</source>
        <translation>  مواضع متعارضة: {count} (تغيّرت في الطرفين: أُبقي التغيير الأحدث)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="243" />
        <source>  places of an older Tahqiq found again: {count} (left off their words by a restore after their article's text changed)</source>
        <translation>  مواضع من إصدار أقدم من تحقيق عُثر عليها من جديد: {count} (تركها استرجاعٌ خارج كلماتها بعد تغيّر نص مقالها)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="246" />
        <source>  places of an older Tahqiq left out: {count} (their words are no longer in the article)</source>
        <translation>  مواضع من إصدار أقدم من تحقيق أُزيل وسمها: {count} (لم تعد كلماتها في المقال)</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="56" />
        <source>  places they are tagged at: {count}</source>
        <translation>  المواضع الموسومة بها: {count}</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="65" />
        <source>  rejected: {count}</source>
        <translation>  مرفوضة: {count}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="325" />
        <source>  the address of a fact-check, set later there: taken</source>
        <translation>  رابط التحقق، ضُبط هناك لاحقًا: أُخذ</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="323" />
        <source>  the organisation publishing the fact-checks, set later there: taken</source>
        <translation>  الجهة التي تنشر التحققات، ضُبطت هناك لاحقًا: أُخذت</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="326" />
        <source>  the project's language, set later there: taken</source>
        <translation>  لغة المشروع، ضُبطت هناك لاحقًا: أُخذت</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="231" />
        <source>  unchanged claims: {count}</source>
        <translation>  ادعاءات لم تتغير: {count}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="211" />
        <source>  updated claims:   {count}</source>
        <translation>  ادعاءات محدّثة:   {count}</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="50" />
        <source>  with no claim yet: {count}</source>
        <translation>  ليس فيها ادعاء بعد: {count}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="238" />
        <source>  words tagged again there: {count}</source>
        <translation>  كلمات وُسمت من جديد هناك: {count}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="236" />
        <source>  words untagged there: {count}</source>
        <translation>  كلمات أُزيل وسمها هناك: {count}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="254" />
        <source>  {change}</source>
        <translation>  {change}</translation>
    </message>
    <message>
        <location filename="../../store/review/agreement.py" line="265" />
        <source>  {first} ↔ {second}: {agreeing}/{matched} = {percent}</source>
        <translation>  {first} ↔ {second}: {agreeing} من {matched} = {percent}</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="58" />
        <source>  {label}: {count}</source>
        <translation>  {label}: {count}</translation>
    </message>
    <message>
        <location filename="../../store/review/agreement.py" line="250" />
        <source>  {name}: {claims} claim(s), {unmatched} unmatched</source>
        <translation>  {name}: {claims} من الادعاءات، {unmatched} منها بلا مطابقة</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="61" />
        <source>  {name}: {count}</source>
        <translation>  {name}: {count}</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="71" />
        <source>  {title}</source>
        <translation>  {title}</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="278" />
        <source>'{color}' is not a colour like #RRGGBB.</source>
        <translation>«{color}» ليس لونًا بالصيغة ‎#RRGGBB.</translation>
    </message>
    <message>
        <location filename="../../store/core/articles.py" line="257" />
        <source>'{id}' matches several articles; give more of the id.</source>
        <translation>«{id}» يطابق أكثر من مقال؛ اكتب جزءًا أطول من المعرّف.</translation>
    </message>
    <message>
        <location filename="../../store/core/claims.py" line="67" />
        <source>'{id}' matches several claims; give more of the id.</source>
        <translation>«{id}» يطابق أكثر من ادعاء؛ اكتب جزءًا أطول من المعرّف.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="577" />
        <source>'{id}' matches several places; give more of the id.</source>
        <translation>«{id}» يطابق أكثر من موضع؛ اكتب جزءًا أطول من المعرّف.</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="308" />
        <source>'{key}' is not a valid label key (lower-case letters, digits and _).</source>
        <translation>«{key}» ليس مفتاح تصنيف صالحًا (حروف لاتينية صغيرة وأرقام و_ فقط).</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="206" />
        <source>'{name}' names more than one label ({which}): give its key.</source>
        <translation>«{name}» اسم لأكثر من تصنيف ({which}): اذكر مفتاحه.</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="296" />
        <source>'{rating}' is not a rating: a rating is a whole number.</source>
        <translation>«{rating}» ليس تقييمًا: التقييم عدد صحيح.</translation>
    </message>
    <message>
        <location filename="../../store/core/settings.py" line="123" />
        <source>'{template}' is not a web address with {{id}} where the claim's id goes (like https://factcheck.example/claims/{{id}}).</source>
        <translation>«{template}» ليس رابط ويب فيه {{id}} مكان معرّف الادعاء (مثل https://factcheck.example/claims/{{id}}).</translation>
    </message>
    <message>
        <location filename="../../store/core/claims.py" line="42" />
        <source>'{url}' holds a backslash before its path, which browsers and Tahqiq would take to two different sites: copy the link again from the browser's address bar.</source>
        <translation>يحوي «⁦{url}⁩» شرطة مائلة عكسية قبل مساره، فيأخذه المتصفح وتحقيق إلى موقعين مختلفين: انسخ الرابط مرة أخرى من شريط العنوان في المتصفح.</translation>
    </message>
    <message>
        <location filename="../../store/core/claims.py" line="46" />
        <source>'{url}' is not a web link (http:// or https://).</source>
        <translation>«{url}» ليس رابط ويب (http://‎ أو https://‎).</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="239" />
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/exchange/csv_format.py" line="245" />
        <source>; and {count} more problem(s)</source>
        <translation>
            <numerusform>؛ و{count} مشكلة أخرى</numerusform>
            <numerusform>؛ ومشكلة أخرى</numerusform>
            <numerusform>؛ ومشكلتان أخريان</numerusform>
            <numerusform>؛ و{count} مشكلات أخرى</numerusform>
            <numerusform>؛ و{count} مشكلةً أخرى</numerusform>
            <numerusform>؛ و{count} مشكلة أخرى</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="315" />
        <source>A label '{key}' already exists.</source>
        <translation>يوجد تصنيف بالمفتاح «{key}» من قبل.</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="280" />
        <source>A label needs a name.</source>
        <translation>يجب أن يكون للتصنيف اسم.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="125" />
        <source>A program stopped while writing {name}, and it or its folder is read-only, so what it left half-written cannot be undone: copy {name} and {journal} together somewhere writable and open the copy there.</source>
        <translation>توقّف برنامج وهو يكتب في {name}، وهو أو مجلده للقراءة فقط، فلا يمكن التراجع عمّا تركه مكتوبًا إلى نصفه: انسخ {name} و{journal} معًا إلى مكان تمكن الكتابة فيه وافتح النسخة هناك.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1417" />
        <source>A project kept in memory cannot be shared with a worker.</source>
        <translation>لا يمكن مشاركة مشروع محفوظ في الذاكرة مع عامل في الخلفية.</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="300" />
        <source>A rating is from {worst} to {best}, or 0 for none (ClaimReview leaves out any other).</source>
        <translation>التقييم من {worst} إلى {best}، أو 0 لا تقييم (ClaimReview يُسقط أي قيمة غيرها).</translation>
    </message>
    <message>
        <location filename="../../store/review/reviews.py" line="36" />
        <source>A review is 'accept' or 'reject', not '{decision}'.</source>
        <translation>المراجعة إما «accept» (قبول) أو «reject» (رفض)، وليست «{decision}».</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="269" />
        <source>A spreadsheet saved the file in a code page without Arabic: every character that is not plain English text (Arabic letters, «٪», emoji) became «?». Each «?» is read as the character this project has there, so the claims' words and notes are kept. Save the sheet as «CSV UTF-8» for Arabic typed in it to come through.</source>
        <translation>حفظ جدول البيانات الملف بترميز لا عربية فيه، فصار كل حرف خارج النص الإنجليزي البسيط (الحروف العربية و«٪» والرموز التعبيرية) «?». عُدّت كل «?» الحرفَ الذي في المشروع مكانها، فبقيت كلمات الادعاءات وملاحظاتها كما هي. احفظ الجدول بصيغة «CSV UTF-8» ليصل ما تكتبه فيه بالعربية.</translation>
    </message>
    <message>
        <location filename="../../store/review/agreement.py" line="256" />
        <source>Agreement needs a second annotator's claims on the same articles: bring a colleague's work in with File ▸ Merge Colleague's Project (or tahqiq merge).</source>
        <translation>يحتاج قياس الاتفاق إلى ادعاءات مدقق ثانٍ على المقالات نفسها: أدخِل عمل زميل من «ملف ◂ دمج مشروع زميل» (أو tahqiq merge).</translation>
    </message>
    <message>
        <location filename="../../store/review/agreement.py" line="244" />
        <source>Annotators: none ({count} article(s))</source>
        <translation>المدققون: لا أحد (المقالات: {count})</translation>
    </message>
    <message>
        <location filename="../../store/review/agreement.py" line="242" />
        <source>Annotators: {names} ({count} article(s))</source>
        <translation>المدققون: {names} (المقالات: {count})</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="1213" />
        <source>Another program kept the project busy: {names} were not imported.</source>
        <translation>أبقى برنامج آخر المشروع مشغولًا: لم تُستورد {names}.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="1211" />
        <source>Another program kept the project busy: {name} was not imported.</source>
        <translation>أبقى برنامج آخر المشروع مشغولًا: لم يُستورد {name}.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1887" />
        <source>Another program kept the project busy; the change was not saved.</source>
        <translation>أبقى برنامج آخر المشروع مشغولًا؛ لم يُحفظ التغيير.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1852" />
        <source>Another program kept {name} busy, so it could not be opened; try again once it is done.</source>
        <translation>أبقى برنامج آخر {name} مشغولًا، فتعذّر فتحه؛ أعد المحاولة حين ينتهي منه.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="802" />
        <source>Another program kept {name} busy, so its search index could not be checked; try again once it is done.</source>
        <translation>أبقى برنامج آخر {name} مشغولًا، فتعذّر فحص فهرس البحث فيه؛ أعد المحاولة حين ينتهي منه.</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="70" />
        <source>Articles with no claim yet:</source>
        <translation>مقالات ليس فيها ادعاء بعد:</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="49" />
        <source>Articles: {count}</source>
        <translation>المقالات: {count}</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="60" />
        <source>By annotator:</source>
        <translation>بحسب المدقق:</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="57" />
        <source>By verdict:</source>
        <translation>بحسب الحكم:</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="334" />
        <source>Cannot change {fields} of a label.</source>
        <translation>لا يمكن تغيير {fields} في التصنيف.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="266" />
        <source>Cannot read {name}: {reason}.</source>
        <translation>تعذّرت قراءة {name}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../store/core/paths.py" line="65" />
        <source>Cannot read {path}: {reason}.</source>
        <translation>تعذّرت قراءة {path}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="1071" />
        <source>Cannot write a temporary copy of {name}: {reason}.</source>
        <translation>تعذّرت كتابة نسخة مؤقتة من {name}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/jsonld.py" line="171" />
        <source>ClaimReview needs the organisation that publishes the fact-checks and the address of each one: set them in Project Settings, or with tahqiq settings --organization NAME --url-template URL (like {example}, where {{id}} stands for the claim's id).</source>
        <translation>يحتاج ClaimReview إلى اسم الجهة التي تنشر التحققات وإلى رابط كل تحقق: اضبطهما في إعدادات المشروع، أو بالأمر tahqiq settings --organization NAME --url-template URL (مثل {example}، حيث {{id}} مكان معرّف الادعاء).</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="52" />
        <source>Claims tagged since {day} (UTC): {count}</source>
        <translation>الادعاءات الموسومة منذ {day} (UTC): {count}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="261" />
        <source>Claims unchanged here that differ in the file without being newer there: {count}, on line(s) {lines}; kept as they are here (an edit in a spreadsheet must also make 'updated' later).</source>
        <translation>ادعاءات لم تتغير هنا وتختلف في الملف دون أن تكون أحدث فيه: {count}، في الأسطر: {lines}؛ أُبقيت كما هي هنا (التعديل في جدول البيانات يجب أن يجعل «updated» أحدث أيضًا).</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="284" />
        <source>Claims with ids of the file's own («1», «C-17»), not UUIDs: {count}; each was given a UUID made from its id and its words, the same at every import of the file.</source>
        <translation>ادعاءات بمعرّفات خاصة بالملف («1»، «C-17») لا بمعرّفات UUID: {count}؛ أُعطي كلٌّ منها معرّف UUID مصنوعًا من معرّفه وكلماته، هو نفسه في كل استيراد للملف.</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="55" />
        <source>Claims: {count}</source>
        <translation>الادعاءات: {count}</translation>
    </message>
    <message>
        <location filename="../../store/review/agreement.py" line="269" />
        <source>Cohen's kappa: {kappa} ({pairs} pair(s))</source>
        <translation>معامل كابا لكوهين: {kappa} (الأزواج: {pairs})</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="304" />
        <source>Columns not read: {columns} (a claim's note is read from the column «note», its links from «sources»).</source>
        <translation>أعمدة لم تُقرأ: {columns} (تُقرأ ملاحظة الادعاء من العمود «note»، وروابطه من «sources»).</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1715" />
        <source>Could not back up to {path}: that is this project's own file; choose another name.</source>
        <translation>تعذّر النسخ الاحتياطي إلى {path}: هذا ملف المشروع نفسه؛ اختر اسمًا آخر.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1718" />
        <source>Could not back up to {path}: the log of the project that was there ({name}) lies beside it; choose another name.</source>
        <translation>تعذّر النسخ الاحتياطي إلى {path}: سجلّ المشروع الذي كان هناك ({name}) موجود بجانبه؛ اختر اسمًا آخر.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1734" />
        <source>Could not back up to {path}: {reason}.</source>
        <translation>تعذّر حفظ نسخة احتياطية في {path}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/safe_write.py" line="49" />
        <source>Could not write {path}: it is a folder.</source>
        <translation>تعذّرت كتابة {path}: إنه مجلد.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/safe_write.py" line="40" />
        <source>Could not write {path}: nothing was written.</source>
        <translation>تعذّرت كتابة {path}: لم يُكتب شيء.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/safe_write.py" line="47" />
        <source>Could not write {path}: the disk is full.</source>
        <translation>تعذّرت كتابة {path}: القرص ممتلئ.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/safe_write.py" line="42" />
        <source>Could not write {path}: the folder does not exist.</source>
        <translation>تعذّرت كتابة {path}: المجلد غير موجود.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/safe_write.py" line="44" />
        <source>Could not write {path}: the folder or the file is read-only.</source>
        <translation>تعذّرت كتابة {path}: المجلد أو الملف للقراءة فقط.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1687" />
        <source>Could not write {path}: {reason}.</source>
        <translation>تعذّرت كتابة {path}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="444" />
        <source>Give the verdict (a label) or the claim the words belong to.</source>
        <translation>حدّد الحكم (تصنيفًا) أو الادعاء الذي تنتمي إليه الكلمات.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="978" />
        <source>Its words were linked to another claim since; there is nothing to restore. To give them a verdict of their own, select them in the window and choose Unlink.</source>
        <translation>رُبطت كلماته بادعاء آخر منذ ذلك الحين، فلا شيء يُستعاد. لتعطيها حكمًا خاصًا بها، حدِّدها في النافذة واختر «فصل».</translation>
    </message>
    <message>
        <location filename="../../store/review/agreement.py" line="272" />
        <source>Krippendorff's alpha (nominal): {alpha} ({units} unit(s), {values} pairable value(s), D_o={observed}, D_e={expected})</source>
        <translation>معامل ألفا لكريبندورف (اسمي): {alpha} (الوحدات: {units}، القيم القابلة للمزاوجة: {values}، ⁦D_o={observed}⁩، ⁦D_e={expected}⁩)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="288" />
        <source>Label '{label}' is no label's key here: read as {name}, the label of that name.</source>
        <translation>التصنيف «{label}» ليس مفتاح أي تصنيف هنا: قُرئ على أنه {name}، التصنيف الذي يحمل هذا الاسم.</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="466" />
        <source>Label {label} had the shortcut {shortcut}, which tags nothing here (it is not one key, or the window keeps it for its own commands): it was cleared; give {label} a new one in Project ▸ Labels…</source>
        <translation>كان للتصنيف {label} الاختصار {shortcut}، وهو لا يَسِم شيئًا هنا (ليس مفتاحًا واحدًا، أو تحتفظ به النافذة لأوامرها): فمُسح؛ أعطِ {label} اختصارًا جديدًا من المشروع ◂ التصنيفات…</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="470" />
        <source>Labels {label} and {kept_by} had the same shortcut {shortcut}, and a key on two labels tags nothing: {kept_by}, the older label, keeps it; give {label} a new one in Project ▸ Labels…</source>
        <translation>كان للتصنيفين {label} و{kept_by} الاختصار نفسه {shortcut}، والمفتاح الذي يحمله تصنيفان لا يَسِم شيئًا: يبقى للتصنيف الأقدم {kept_by}؛ أعطِ {label} اختصارًا جديدًا من المشروع ◂ التصنيفات…</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="427" />
        <source>Labels {label} and {other} are both called '{name}', and count as two verdicts: rename one in Project ▸ Labels…, or tag its claims with the other.</source>
        <translation>التصنيفان {label} و{other} يحملان كلاهما الاسم «{name}»، ويُحسبان حكمين: غيّر اسم أحدهما من المشروع ◂ التصنيفات…، أو صنّف ادعاءاته بالآخر.</translation>
    </message>
    <message>
        <location filename="../../store/review/agreement.py" line="259" />
        <source>Matched units: {units} ({pairs} pair(s))</source>
        <translation>الوحدات المتطابقة: {units} (الأزواج: {pairs})</translation>
    </message>
    <message>
        <location filename="../../store/review/agreement.py" line="245" />
        <source>Matching: claims by different annotators on one article match when they overlap by at least {share} of the shorter one's characters (code points, not words; greedy, largest overlap first, one claim per annotator per unit).</source>
        <translation>المطابقة: يتطابق ادعاءان لمدققَين مختلفين في المقال نفسه إذا تداخلا بما لا يقل عن {share} من أحرف أقصرهما (محارف يونيكود لا كلمات؛ بطريقة جشعة، الأكبر تداخلًا أولًا، ادعاء واحد لكل مدقق في كل وحدة).</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1582" />
        <source>Memory ran out as the project was written (a damaged file can ask for more than there is: `tahqiq check` tells); the change was not saved, and what was saved before is kept.</source>
        <translation>نفدت الذاكرة أثناء الكتابة في المشروع (قد يطلب ملف تالف أكثر مما يوجد: يخبرك `tahqiq check`)؛ لم يُحفظ التغيير، وما حُفظ قبله باقٍ.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="202" />
        <source>Merged {source}:</source>
        <translation>دُمج {source}:</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="203" />
        <source>Merged:</source>
        <translation>الدمج:</translation>
    </message>
    <message>
        <location filename="../../store/core/articles.py" line="252" />
        <source>No article id given.</source>
        <translation>لم يُذكر معرّف المقال.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="835" />
        <source>No article text was found in the web page {name}; nothing was imported. Copy the article's text into a .txt file instead.</source>
        <translation>لم يُعثر على نص مقال في صفحة الويب {name}؛ لم يُستورد شيء. انسخ نص المقال إلى ملف ‎.txt واستورده بدلًا منها.</translation>
    </message>
    <message>
        <location filename="../../store/core/articles.py" line="255" />
        <source>No article with id '{id}'.</source>
        <translation>لا يوجد مقال بالمعرّف «{id}».</translation>
    </message>
    <message>
        <location filename="../../store/core/article_deletion.py" line="31" />
        <source>No article with id {id}.</source>
        <translation>لا يوجد مقال بالمعرّف {id}.</translation>
    </message>
    <message>
        <location filename="../../store/core/claims.py" line="66" />
        <source>No claim with id '{id}'.</source>
        <translation>لا يوجد ادعاء بالمعرّف «{id}».</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="532" />
        <source>No claim with id {id}.</source>
        <translation>لا يوجد ادعاء بالمعرّف {id}.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="576" />
        <source>No claim's place with id '{id}'.</source>
        <translation>لا يوجد موضع ادعاء بالمعرّف «{id}».</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="186" />
        <source>No label called '{key}'.</source>
        <translation>لا يوجد تصنيف باسم «{key}».</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="208" />
        <source>No label called '{name}' (labels: {known}).</source>
        <translation>لا يوجد تصنيف باسم «{name}» (التصنيفات الموجودة: {known}).</translation>
    </message>
    <message>
        <location filename="../../store/cli/commands.py" line="192" />
        <source>No project at {path}.</source>
        <translation>لا يوجد مشروع في {path}.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1461" />
        <source>Not all of the work could be written into {name} itself (is the disk full?): the rest is kept in {wal} beside it. Keep the two together, and copy or send both, until Tahqiq has opened the project again with room on the disk.</source>
        <translation>لم يُكتب كل العمل في {name} نفسه (هل القرص ممتلئ؟): بقيته محفوظة في {wal} بجانبه. أبقِ الملفين معًا، وانسخهما أو أرسلهما كليهما، حتى يفتح «تحقيق» المشروع مرة أخرى وفي القرص متّسع.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/exchange/merge.py" line="275" />
        <source>Notes edited on line(s) {lines} were not taken: the file lost letters of them that Tahqiq could not put back. Those notes are kept as they are here; the rest of each row was taken. Save the sheet as «CSV UTF-8» and merge it again to bring them in.</source>
        <translation>
            <numerusform>لم تؤخذ ملاحظات عُدّلت في الأسطر {lines}: فقد الملف بعض حروفها وتعذّر ردّها. أُبقيت كما هي هنا، وأُخذ باقي كل صف. احفظ الجدول بصيغة «CSV UTF-8» وادمجه من جديد لتُجلب.</numerusform>
            <numerusform>لم تؤخذ ملاحظة عُدّلت في السطر {lines}: فقد الملف بعض حروفها وتعذّر ردّها. أُبقيت كما هي هنا، وأُخذ باقي الصف. احفظ الجدول بصيغة «CSV UTF-8» وادمجه من جديد لتُجلب.</numerusform>
            <numerusform>لم تؤخذ ملاحظتان عُدّلتا في السطرين {lines}: فقد الملف بعض حروفهما وتعذّر ردّها. أُبقيتا كما هما هنا، وأُخذ باقي كل صف. احفظ الجدول بصيغة «CSV UTF-8» وادمجه من جديد لتُجلبا.</numerusform>
            <numerusform>لم تؤخذ ملاحظات عُدّلت في الأسطر {lines}: فقد الملف بعض حروفها وتعذّر ردّها. أُبقيت كما هي هنا، وأُخذ باقي كل صف. احفظ الجدول بصيغة «CSV UTF-8» وادمجه من جديد لتُجلب.</numerusform>
            <numerusform>لم تؤخذ ملاحظات عُدّلت في الأسطر {lines}: فقد الملف بعض حروفها وتعذّر ردّها. أُبقيت كما هي هنا، وأُخذ باقي كل صف. احفظ الجدول بصيغة «CSV UTF-8» وادمجه من جديد لتُجلب.</numerusform>
            <numerusform>لم تؤخذ ملاحظات عُدّلت في الأسطر {lines}: فقد الملف بعض حروفها وتعذّر ردّها. أُبقيت كما هي هنا، وأُخذ باقي كل صف. احفظ الجدول بصيغة «CSV UTF-8» وادمجه من جديد لتُجلب.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../store/review/agreement.py" line="261" />
        <source>Percent agreement on labels: {percent} ({agreeing} of {pairs} pair(s))</source>
        <translation>نسبة الاتفاق على الأحكام: {percent} (الأزواج المتفقة: {agreeing} من {pairs})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/exchange/merge.py" line="298" />
        <source>Places on line(s) {lines} differ from the project's and were kept as they are here: those rows are no newer than the places here (an older sheet's, or words moved in a spreadsheet without a later «updated», which such an edit needs).</source>
        <translation>
            <numerusform>المواضع في الأسطر {lines} تختلف عمّا في المشروع، وأُبقيت كما هي هنا: ليست تلك الصفوف أحدث من المواضع هنا (صفوف جدول أقدم، أو كلمات نُقلت في جدول البيانات دون أن يصير «updated» أحدث، وهو ما يحتاجه هذا التعديل).</numerusform>
            <numerusform>الموضع في السطر {lines} يختلف عمّا في المشروع، وأُبقي كما هو هنا: ليس ذلك الصف أحدث من الموضع هنا (صف جدول أقدم، أو كلمات نُقلت في جدول البيانات دون أن يصير «updated» أحدث، وهو ما يحتاجه هذا التعديل).</numerusform>
            <numerusform>الموضعان في السطرين {lines} يختلفان عمّا في المشروع، وأُبقيا كما هما هنا: ليس ذانك الصفان أحدث من الموضعين هنا (صفا جدول أقدم، أو كلمات نُقلت في جدول البيانات دون أن يصير «updated» أحدث، وهو ما يحتاجه هذا التعديل).</numerusform>
            <numerusform>المواضع في الأسطر {lines} تختلف عمّا في المشروع، وأُبقيت كما هي هنا: ليست تلك الصفوف أحدث من المواضع هنا (صفوف جدول أقدم، أو كلمات نُقلت في جدول البيانات دون أن يصير «updated» أحدث، وهو ما يحتاجه هذا التعديل).</numerusform>
            <numerusform>المواضع في الأسطر {lines} تختلف عمّا في المشروع، وأُبقيت كما هي هنا: ليست تلك الصفوف أحدث من المواضع هنا (صفوف جدول أقدم، أو كلمات نُقلت في جدول البيانات دون أن يصير «updated» أحدث، وهو ما يحتاجه هذا التعديل).</numerusform>
            <numerusform>المواضع في الأسطر {lines} تختلف عمّا في المشروع، وأُبقيت كما هي هنا: ليست تلك الصفوف أحدث من المواضع هنا (صفوف جدول أقدم، أو كلمات نُقلت في جدول البيانات دون أن يصير «updated» أحدث، وهو ما يحتاجه هذا التعديل).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="281" />
        <source>Reviews are not brought in from a CSV: {count} of its claims had a review_status. Merge the project file to bring reviews.</source>
        <translation>لا تُجلب المراجعات من ملف CSV: كان لـ{count} من ادعاءاته review_status. ادمج ملف المشروع لجلب المراجعات.</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="63" />
        <source>Reviews:</source>
        <translation>المراجعات:</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="319" />
        <source>Select some words to tag, not only harakat or other marks.</source>
        <translation>حدّد كلمات لوسمها، لا حركات أو علامات وحدها.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="322" />
        <source>Select some words to tag, not only punctuation or symbols.</source>
        <translation>حدّد كلمات لوسمها، لا علامات ترقيم أو رموزًا وحدها.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="317" />
        <source>Select some words to tag, not only spaces.</source>
        <translation>حدّد كلمات لوسمها، لا مسافات فقط.</translation>
    </message>
    <message>
        <location filename="../../store/core/articles.py" line="194" />
        <source>Span {start}–{end} is not inside the article (0–{length}).</source>
        <translation>المدى {start}–{end} ليس داخل المقال (0–{length}).</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="479" />
        <source>Tahqiq does not know the encoding {encoding}.</source>
        <translation>لا يعرف «تحقيق» الترميز {encoding}.</translation>
    </message>
    <message>
        <location filename="../../store/review/reviews.py" line="41" />
        <source>That claim has been deleted; it cannot be reviewed.</source>
        <translation>هذا الادعاء محذوف؛ لا يمكن مراجعته.</translation>
    </message>
    <message>
        <location filename="../../store/core/claims.py" line="124" />
        <source>That claim was deleted by {name}: restore it first (Edit ▸ Deleted Claims…, or tahqiq claim {id} --restore).</source>
        <translation>حذف {name} هذا الادعاء: استعده أولًا (تحرير ◂ الادعاءات المحذوفة…، أو tahqiq claim {id} --restore).</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="435" />
        <source>That claim's verdict is {verdict}, not {label}; leave out the label to take the claim's.</source>
        <translation>حكم ذلك الادعاء «{verdict}» وليس «{label}»؛ اترك التصنيف ليؤخذ حكم الادعاء.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="482" />
        <source>That file is this project; choose a colleague's file to merge.</source>
        <translation>هذا الملف هو المشروع المفتوح نفسه؛ اختر ملف زميل لدمجه.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="1021" />
        <source>That is a link, not an article's text: Tahqiq does not download web pages. Copy the article's own text from the page, or save the page from the browser and import the saved file.</source>
        <translation>هذا رابط لا نص مقال: تحقيق لا ينزّل صفحات الويب. انسخ نص المقال نفسه من الصفحة، أو احفظ الصفحة من المتصفح واستورد الملف المحفوظ.</translation>
    </message>
    <message>
        <location filename="../../store/core/articles.py" line="58" />
        <source>The article has no text.</source>
        <translation>المقال بلا نص.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="1010" />
        <source>The article of these words was deleted; bring it back first (tahqiq article ID --restore, or Undo).</source>
        <translation>حُذف مقال هذه الكلمات؛ أعده أولًا (tahqiq article ID --restore، أو التراجع).</translation>
    </message>
    <message>
        <location filename="../../store/core/articles.py" line="132" />
        <source>The article's text changed while it was stored; nothing was imported.</source>
        <translation>تغيّر نص المقال أثناء حفظه؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1892" />
        <source>The change was not saved: {reason}.</source>
        <translation>لم يُحفظ التغيير: {reason}.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="1028" />
        <source>The claim is on these words already.</source>
        <translation>الادعاء على هذه الكلمات أصلًا.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="274" />
        <source>The claim's words changed since (the article's text, or a colleague's work merged in); they were left where they are.</source>
        <translation>تغيّرت كلمات الادعاء منذ ذلك الحين (نص المقال، أو عمل زميل دُمج)؛ فتُركت حيث هي.</translation>
    </message>
    <message>
        <location filename="../../store/review/summary.py" line="79" />
        <source>The day to count from is written YYYY-MM-DD, not {day}.</source>
        <translation>يُكتب اليوم الذي يبدأ منه العد بالصيغة YYYY-MM-DD، لا {day}.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="1202" />
        <source>The disk is full: {names} were not imported.</source>
        <translation>القرص ممتلئ: لم تُستورد {names}.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="1201" />
        <source>The disk is full: {name} was not imported.</source>
        <translation>القرص ممتلئ: لم يُستورد {name}.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1885" />
        <source>The disk is full; the change was not saved.</source>
        <translation>القرص ممتلئ؛ لم يُحفظ التغيير.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/exporting.py" line="57" />
        <source>The export was cancelled.</source>
        <translation>أُلغي التصدير.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="312" />
        <source>The file has no «note» column: its claims keep the notes they have here.</source>
        <translation>لا عمود «note» في الملف: تبقى للادعاءات ملاحظاتها كما هي هنا.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="316" />
        <source>The file has no «note» or «sources» column: its claims keep the notes and links they have here.</source>
        <translation>لا عمودَي «note» و«sources» في الملف: تبقى للادعاءات ملاحظاتها وروابطها كما هي هنا.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="314" />
        <source>The file has no «sources» column: its claims keep the links they have here.</source>
        <translation>لا عمود «sources» في الملف: تبقى للادعاءات روابطها كما هي هنا.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="266" />
        <source>The file was read as {encoding}, as a spreadsheet saved it: save it as «CSV UTF-8» to keep every character (an emoji, say).</source>
        <translation>قُرئ الملف بترميز {encoding} كما حفظه جدول البيانات: احفظه بصيغة «CSV UTF-8» لتبقى كل حروفه (الرموز التعبيرية مثلًا).</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="361" />
        <source>The key {shortcut} is kept for one of the window's own commands (Help ▸ Keyboard Shortcuts lists them): choose another.</source>
        <translation>المفتاح {shortcut} محجوز لأحد أوامر النافذة (تسردها «مساعدة ◂ اختصارات لوحة المفاتيح»): اختر مفتاحًا آخر.</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="258" />
        <source>The label '{other}' is already called '{name}': two verdicts of one name cannot be told apart.</source>
        <translation>التصنيف «{other}» يحمل الاسم «{name}» من قبل: حكمان باسم واحد لا يمكن التمييز بينهما.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="673" />
        <source>The merge was cancelled; nothing was changed.</source>
        <translation>أُلغي الدمج؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1806" />
        <source>The name {name} holds a line break or another control character: choose another.</source>
        <translation>في الاسم {name} فاصل أسطر أو محرف تحكم آخر: اختر اسمًا غيره.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1823" />
        <source>The name {name} is too long for a project: SQLite adds «-journal» to it for a file of its own. Choose a shorter one.</source>
        <translation>الاسم {name} أطول مما يحتمله مشروع: يضيف SQLite إليه «-journal» لملف خاص به. اختر اسمًا أقصر.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1820" />
        <source>The name {name} is too long to open as a project here: SQLite adds «-journal» to it for a file of its own. Rename it shorter; nothing in it was changed.</source>
        <translation>الاسم {name} أطول من أن يُفتح مشروعًا هنا: يضيف SQLite إليه «-journal» لملف خاص به. أعد تسميته باسم أقصر؛ لم يتغير فيه شيء.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/core/retext.py" line="73" />
        <source>The new text no longer holds the words of {count} claim(s); nothing changed.</source>
        <translation>
            <numerusform>لن يُعثر في النص الجديد على كلمات {count} ادعاء؛ لم يتغيّر شيء.</numerusform>
            <numerusform>لن يُعثر في النص الجديد على كلمات ادعاء واحد؛ لم يتغيّر شيء.</numerusform>
            <numerusform>لن يُعثر في النص الجديد على كلمات ادعاءين؛ لم يتغيّر شيء.</numerusform>
            <numerusform>لن يُعثر في النص الجديد على كلمات {count} ادعاءات؛ لم يتغيّر شيء.</numerusform>
            <numerusform>لن يُعثر في النص الجديد على كلمات {count} ادعاءً؛ لم يتغيّر شيء.</numerusform>
            <numerusform>لن يُعثر في النص الجديد على كلمات {count} ادعاء؛ لم يتغيّر شيء.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../store/exchange/pdf_layout.py" line="167" />
        <source>The print font is missing: install {package}.</source>
        <translation>خط الطباعة غير مثبّت: ثبّت {package}.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="1207" />
        <source>The project could not be written to the disk (is the disk full, or the file too large?): {names} were not imported.</source>
        <translation>تعذّرت كتابة المشروع على القرص (هل القرص ممتلئ، أو الملف كبير جدًا؟): لم تُستورد {names}.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="1204" />
        <source>The project could not be written to the disk (is the disk full, or the file too large?): {name} was not imported.</source>
        <translation>تعذّرت كتابة المشروع على القرص (هل القرص ممتلئ، أو الملف كبير جدًا؟): لم يُستورد {name}.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1891" />
        <source>The project could not be written to the disk (is the disk full, or the file too large?); the change was not saved.</source>
        <translation>تعذّرت كتابة المشروع على القرص (هل القرص ممتلئ، أو الملف كبير جدًا؟)؛ لم يُحفظ التغيير.</translation>
    </message>
    <message>
        <location filename="../../store/errors.py" line="156" />
        <source>The project database reported a problem: {problem}. What was saved before is kept; `tahqiq check` tells whether the file is damaged.</source>
        <translation>أبلغت قاعدة بيانات المشروع عن مشكلة: {problem}. ما حُفظ من قبل باقٍ؛ ويبيّن ‎`tahqiq check`‎ إن كان الملف تالفًا.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1889" />
        <source>The project file cannot be written; the change was not saved.</source>
        <translation>لا يمكن الكتابة في ملف المشروع؛ لم يُحفظ التغيير.</translation>
    </message>
    <message>
        <location filename="../../store/core/records.py" line="40" />
        <source>The project file is damaged ({problem}); what was saved before is kept: `tahqiq check` tells what is damaged.</source>
        <translation>ملف المشروع تالف ({problem})؛ ما حُفظ من قبل باقٍ: يبيّن ‎`tahqiq check`‎ ما التالف فيه.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1881" />
        <source>The project file is damaged ({reason}); the change was not saved, and what was saved before is kept: `tahqiq check` tells what is damaged.</source>
        <translation>ملف المشروع تالف ({reason})؛ لم يُحفظ التغيير، وما حُفظ من قبل باقٍ: يبيّن ‎`tahqiq check`‎ ما التالف فيه.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/exporting.py" line="218" />
        <source>The project is damaged: it holds {kind} where text belongs; `tahqiq check` examines it.</source>
        <translation>المشروع تالف: فيه {kind} حيث يجب أن يكون نص؛ يفحصه الأمر `tahqiq check`.</translation>
    </message>
    <message>
        <location filename="../../store/core/templates.py" line="33" />
        <source>The project to start like has two labels called '{name}' ({label} and {other}): rename one of them there first (Project ▸ Labels…).</source>
        <translation>في المشروع الذي يُبدأ على مثاله تصنيفان باسم «{name}» ({label} و{other}): غيّر اسم أحدهما هناك أولًا (المشروع ◂ التصنيفات…).</translation>
    </message>
    <message>
        <location filename="../../store/core/settings.py" line="128" />
        <source>The project's language is ar or en, not '{language}'.</source>
        <translation>لغة المشروع ar أو en، وليست «{language}».</translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/core/appearances.py" line="483" />
        <source>The quote appears only {count} time(s) in the article; occurrence {occurrence} not found.</source>
        <translation>
            <numerusform>يرد النص في المقال {count} مرة فقط؛ لم يُعثر على الورود رقم {occurrence}.</numerusform>
            <numerusform>يرد النص في المقال مرة واحدة فقط؛ لم يُعثر على الورود رقم {occurrence}.</numerusform>
            <numerusform>يرد النص في المقال مرتين فقط؛ لم يُعثر على الورود رقم {occurrence}.</numerusform>
            <numerusform>يرد النص في المقال {count} مرات فقط؛ لم يُعثر على الورود رقم {occurrence}.</numerusform>
            <numerusform>يرد النص في المقال {count} مرة فقط؛ لم يُعثر على الورود رقم {occurrence}.</numerusform>
            <numerusform>يرد النص في المقال {count} مرة فقط؛ لم يُعثر على الورود رقم {occurrence}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="487" />
        <source>The quote is empty: give the words to tag.</source>
        <translation>النص فارغ: اذكر الكلمات المراد وسمها.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="488" />
        <source>The quote is not in the article.</source>
        <translation>النص غير موجود في المقال.</translation>
    </message>
    <message>
        <location filename="../../store/core/matcher_process.py" line="120" />
        <source>The search for known claims could not start ({reason}).</source>
        <translation>تعذّر بدء البحث عن الادعاءات المعروفة ({reason}).</translation>
    </message>
    <message>
        <location filename="../../store/core/matcher_process.py" line="212" />
        <source>The search for known claims failed: {reason}</source>
        <translation>تعذّر البحث عن الادعاءات المعروفة: {reason}</translation>
    </message>
    <message>
        <location filename="../../store/core/matcher_process.py" line="77" />
        <source>The search for known claims stopped unexpectedly.</source>
        <translation>توقف البحث عن الادعاءات المعروفة على نحو غير متوقع.</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="367" />
        <source>The shortcut {shortcut} already tags as '{other}'.</source>
        <translation>الاختصار {shortcut} يسم من قبل بـ«{other}».</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="284" />
        <source>The shortcut {shortcut} is not one key: give one key (a digit, a letter, F2…), with Ctrl, Alt or Shift if wanted.</source>
        <translation>الاختصار {shortcut} ليس مفتاحًا واحدًا: اختر مفتاحًا واحدًا (رقمًا أو حرفًا أو F2…)، مع Ctrl أو Alt أو Shift إن شئت.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/exchange/csv_format.py" line="977" />
        <source>The spreadsheet re-typed {columns} as its own dates ('{value}') on {count} line(s): Tahqiq needs UTC times like 2024-06-19T10:00:00Z, and a date like 06/12 could be 6 December or 12 June. Open the CSV with Data ▸ From Text/CSV, set {columns} as Text and make the changes again, or export the claims from Tahqiq again</source>
        <translation>
            <numerusform>أعاد جدول البيانات كتابة {columns} تواريخَ بصيغته («{value}») في {count} سطر: يحتاج تحقيق أوقاتًا بتوقيت UTC مثل ⁦2024-06-19T10:00:00Z⁩، وتاريخ مثل ⁦06/12⁩ قد يكون 6 ديسمبر (كانون الأول) أو 12 يونيو (حزيران). افتح ملف CSV عبر البيانات ◂ من نص/CSV، واجعل {columns} بصيغة نص وأعد التعديلات، أو صدّر الادعاءات من تحقيق من جديد</numerusform>
            <numerusform>أعاد جدول البيانات كتابة {columns} تواريخَ بصيغته («{value}») في سطر واحد: يحتاج تحقيق أوقاتًا بتوقيت UTC مثل ⁦2024-06-19T10:00:00Z⁩، وتاريخ مثل ⁦06/12⁩ قد يكون 6 ديسمبر (كانون الأول) أو 12 يونيو (حزيران). افتح ملف CSV عبر البيانات ◂ من نص/CSV، واجعل {columns} بصيغة نص وأعد التعديلات، أو صدّر الادعاءات من تحقيق من جديد</numerusform>
            <numerusform>أعاد جدول البيانات كتابة {columns} تواريخَ بصيغته («{value}») في سطرين: يحتاج تحقيق أوقاتًا بتوقيت UTC مثل ⁦2024-06-19T10:00:00Z⁩، وتاريخ مثل ⁦06/12⁩ قد يكون 6 ديسمبر (كانون الأول) أو 12 يونيو (حزيران). افتح ملف CSV عبر البيانات ◂ من نص/CSV، واجعل {columns} بصيغة نص وأعد التعديلات، أو صدّر الادعاءات من تحقيق من جديد</numerusform>
            <numerusform>أعاد جدول البيانات كتابة {columns} تواريخَ بصيغته («{value}») في {count} أسطر: يحتاج تحقيق أوقاتًا بتوقيت UTC مثل ⁦2024-06-19T10:00:00Z⁩، وتاريخ مثل ⁦06/12⁩ قد يكون 6 ديسمبر (كانون الأول) أو 12 يونيو (حزيران). افتح ملف CSV عبر البيانات ◂ من نص/CSV، واجعل {columns} بصيغة نص وأعد التعديلات، أو صدّر الادعاءات من تحقيق من جديد</numerusform>
            <numerusform>أعاد جدول البيانات كتابة {columns} تواريخَ بصيغته («{value}») في {count} سطرًا: يحتاج تحقيق أوقاتًا بتوقيت UTC مثل ⁦2024-06-19T10:00:00Z⁩، وتاريخ مثل ⁦06/12⁩ قد يكون 6 ديسمبر (كانون الأول) أو 12 يونيو (حزيران). افتح ملف CSV عبر البيانات ◂ من نص/CSV، واجعل {columns} بصيغة نص وأعد التعديلات، أو صدّر الادعاءات من تحقيق من جديد</numerusform>
            <numerusform>أعاد جدول البيانات كتابة {columns} تواريخَ بصيغته («{value}») في {count} سطر: يحتاج تحقيق أوقاتًا بتوقيت UTC مثل ⁦2024-06-19T10:00:00Z⁩، وتاريخ مثل ⁦06/12⁩ قد يكون 6 ديسمبر (كانون الأول) أو 12 يونيو (حزيران). افتح ملف CSV عبر البيانات ◂ من نص/CSV، واجعل {columns} بصيغة نص وأعد التعديلات، أو صدّر الادعاءات من تحقيق من جديد</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../store/core/settings.py" line="72" />
        <source>There is no project setting called {name}.</source>
        <translation>لا يوجد إعداد للمشروع باسم {name}.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="576" />
        <source>There is no room in the temporary folder {folder} to copy {name} for merging ({reason}); nothing was merged.</source>
        <translation>لا توجد مساحة كافية في المجلد المؤقت {folder} لنسخ {name} من أجل الدمج ({reason})؛ لم يُدمج شيء.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="709" />
        <source>There is no room in the temporary folder {folder} to upgrade a copy of {name}, a file of an older Tahqiq, for checking; it was not checked.</source>
        <translation>لا توجد مساحة كافية في المجلد المؤقت {folder} لترقية نسخة من {name}، وهو ملف من إصدار أقدم من تحقيق، من أجل الفحص؛ لم يُفحص.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="599" />
        <source>There is no room in the temporary folder {folder} to upgrade {name}, a file of an older Tahqiq, for merging; nothing was merged.</source>
        <translation>لا توجد مساحة كافية في المجلد المؤقت {folder} لترقية {name}، وهو ملف من إصدار أقدم من تحقيق، من أجل الدمج؛ لم يُدمج شيء.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="1017" />
        <source>There is no text to import.</source>
        <translation>لا يوجد نص لاستيراده.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="1061" />
        <source>These words are already tagged as this claim.</source>
        <translation>هذه الكلمات موسومة بهذا الادعاء من قبل.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="1149" />
        <source>These words are no longer in the article's text ({quote}); they were not tagged again.</source>
        <translation>لم تعد هذه الكلمات في نص المقال ({quote})؛ لم تُوسم من جديد.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="1089" />
        <source>These words were tagged again since, as {label} (claim {id}): untag them first, or change that verdict.</source>
        <translation>وُسمت هذه الكلمات من جديد منذ ذلك الحين، بحكم {label} (الادعاء {id}): ألغِ وسمها أولًا، أو غيّر ذلك الحكم.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="1019" />
        <source>These words were untagged since by {name}; bring them back first (Edit ▸ Deleted Claims…).</source>
        <translation>أزال {name} وسم هذه الكلمات منذ ذلك الحين؛ أعدها أولًا (تحرير ◂ الادعاءات المحذوفة…).</translation>
    </message>
    <message>
        <location filename="../../store/exchange/exporting.py" line="551" />
        <source>This article is too long for a PDF packet ({chars} characters; up to {most}): export the packet as HTML, which a browser prints to PDF.</source>
        <translation>هذا المقال أطول من أن يُصدَّر ملف مراجعة PDF (عدد الأحرف: {chars}؛ الحد: {most}): صدّر ملف المراجعة HTML، ويطبعه المتصفح PDF.</translation>
    </message>
    <message>
        <location filename="../../store/core/articles.py" line="329" />
        <source>This article was deleted meanwhile: bring it back first (Project ▸ Deleted Articles…, or tahqiq article {id} --restore).</source>
        <translation>حُذف هذا المقال في الأثناء: أعده أولًا (المشروع ◂ المقالات المحذوفة…، أو tahqiq article {id} --restore).</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="342" />
        <source>This label was changed since, in another window or program; going back would overwrite that.</source>
        <translation>تغيّر هذا التصنيف منذ ذلك الحين، في نافذة أخرى أو برنامج آخر؛ والرجوع سيكتب فوق ذلك.</translation>
    </message>
    <message>
        <location filename="../../store/core/labels.py" line="133" />
        <source>This project holds claims already: only a new project takes another's labels.</source>
        <translation>في هذا المشروع ادعاءات من قبل: لا يأخذ تصنيفات مشروع آخر إلا مشروع جديد.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1535" />
        <source>This project is open read-only; changes cannot be saved.</source>
        <translation>هذا المشروع مفتوح للقراءة فقط؛ لا يمكن حفظ التغييرات.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="431" />
        <source>This project's file, {name}, is damaged ({problem}); nothing was merged, and what was saved before is kept: `tahqiq check` tells what is damaged.</source>
        <translation>ملف هذا المشروع، {name}، تالف ({problem})؛ لم يُدمج شيء، وما حُفظ من قبل باقٍ: يبيّن ‎`tahqiq check`‎ ما التالف فيه.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/exchange/merge.py" line="292" />
        <source>Words on line(s) {lines} were left alone: those rows have no appearance_id, and the claim's places here changed after them (an older sheet's words, moved or untagged here since). Give such a row a later «updated» to tag its words.</source>
        <translation>
            <numerusform>تُركت الكلمات في الأسطر {lines} كما هي: لا appearance_id في تلك الصفوف، وتغيّرت مواضع الادعاء هنا بعدها (كلمات جدول أقدم، نُقلت أو أُزيل وسمها هنا منذئذ). اجعل «updated» في الصف أحدث لتُوسم كلماته.</numerusform>
            <numerusform>تُركت الكلمات في السطر {lines} كما هي: لا appearance_id في ذلك الصف، وتغيّرت مواضع الادعاء هنا بعدها (كلمات جدول أقدم، نُقلت أو أُزيل وسمها هنا منذئذ). اجعل «updated» في الصف أحدث لتُوسم كلماته.</numerusform>
            <numerusform>تُركت الكلمات في السطرين {lines} كما هي: لا appearance_id في ذينك الصفين، وتغيّرت مواضع الادعاء هنا بعدها (كلمات جدول أقدم، نُقلت أو أُزيل وسمها هنا منذئذ). اجعل «updated» في الصف أحدث لتُوسم كلماته.</numerusform>
            <numerusform>تُركت الكلمات في الأسطر {lines} كما هي: لا appearance_id في تلك الصفوف، وتغيّرت مواضع الادعاء هنا بعدها (كلمات جدول أقدم، نُقلت أو أُزيل وسمها هنا منذئذ). اجعل «updated» في الصف أحدث لتُوسم كلماته.</numerusform>
            <numerusform>تُركت الكلمات في الأسطر {lines} كما هي: لا appearance_id في تلك الصفوف، وتغيّرت مواضع الادعاء هنا بعدها (كلمات جدول أقدم، نُقلت أو أُزيل وسمها هنا منذئذ). اجعل «updated» في الصف أحدث لتُوسم كلماته.</numerusform>
            <numerusform>تُركت الكلمات في الأسطر {lines} كما هي: لا appearance_id في تلك الصفوف، وتغيّرت مواضع الادعاء هنا بعدها (كلمات جدول أقدم، نُقلت أو أُزيل وسمها هنا منذئذ). اجعل «updated» في الصف أحدث لتُوسم كلماته.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="464" />
        <source>You already tagged these words as {label} (claim {id}): nothing to change.</source>
        <translation>سبق أن وسمتَ هذه الكلمات بـ«{label}» (الادعاء {id}): لا شيء يتغيّر.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="86" />
        <source>You already tagged these words as {label}.</source>
        <translation>سبق أن وسمت هذه الكلمات بـ«{label}».</translation>
    </message>
    <message>
        <location filename="../../store/core/claims.py" line="144" />
        <source>You changed this claim since, in another window or from the command line; going back would overwrite that.</source>
        <translation>غيّرتَ هذا الادعاء منذ ذلك، في نافذة أخرى أو من سطر الأوامر؛ والرجوع سيكتب فوق ذلك.</translation>
    </message>
    <message>
        <location filename="../../store/core/article_deletion.py" line="100" />
        <source>You deleted the claim of “{quote}” since; its words here come back with it (Edit ▸ Deleted Claims…, or tahqiq claim {id} --restore).</source>
        <translation>حذفتَ ادعاء «{quote}» منذ ذلك الحين؛ وتعود كلماته هنا معه (تحرير ◂ الادعاءات المحذوفة…، أو tahqiq claim {id} --restore).</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="1224" />
        <source>You deleted the claim these words go back to since, in another window or from the command line; going back would bring it back.</source>
        <translation>حذفتَ الادعاء الذي تعود إليه هذه الكلمات منذ ذلك الحين، في نافذة أخرى أو من سطر الأوامر؛ والرجوع سيعيده.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="1241" />
        <source>You moved these words to another claim since, in another window or from the command line; going back would take them off it.</source>
        <translation>نقلتَ هذه الكلمات إلى ادعاء آخر منذ ذلك الحين، في نافذة أخرى أو من سطر الأوامر؛ والرجوع سينزعها عنه.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="1032" />
        <source>You tagged these words already, as {label} (claim {id}): delete that claim first, or move the claim to other words.</source>
        <translation>وسمتَ هذه الكلمات من قبل بحكم {label} (الادعاء {id}): احذف ذلك الادعاء أولًا، أو انقل الادعاء إلى كلمات أخرى.</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="314" />
        <source>accepted</source>
        <translation>قُبل</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="537" />
        <source>annotator is empty</source>
        <translation>اسم المدقق فارغ</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="501" />
        <source>article_sha256 and article_id are both empty</source>
        <translation>العمودان article_sha256 و article_id فارغان كلاهما</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="959" />
        <source>claim {claim} already appears on line {line}</source>
        <translation>الادعاء {claim} ورد من قبل في السطر {line}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="574" />
        <source>claim {claim} has another verdict, note or sources on line {line}</source>
        <translation>للادعاء {claim} حكم أو ملاحظة أو مصادر مختلفة في السطر {line}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="923" />
        <source>claim {claim} is on another article in this project</source>
        <translation>الادعاء {claim} على مقال آخر في هذا المشروع</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="527" />
        <source>claim_id is empty</source>
        <translation>العمود claim_id فارغ</translation>
    </message>
    <message>
        <location filename="../../store/text/clean.py" line="322" />
        <source>collapsed repeated blank lines</source>
        <translation>دُمجت الأسطر الفارغة المتكررة</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="429" />
        <source>column(s) named twice: {columns}</source>
        <translation>أعمدة مكررة الاسم: {columns}</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="497" />
        <source>combined {lost}'s changes with {kept}'s</source>
        <translation>جُمعت تغييرات {lost} مع تغييرات {kept}</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="435" />
        <source>created</source>
        <translation>أُنشئ</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="429" />
        <source>created as {label}</source>
        <translation>أُنشئ: بحكم «{label}»</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="425" />
        <source>created as {label}: “{quote}”</source>
        <translation>أُنشئ: بحكم «{label}»: «{quote}»</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="208" />
        <source>created as {label}: “{quote}” ({count} place(s))</source>
        <translation>أُنشئ: بحكم «{label}»: «{quote}» (المواضع: {count})</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="433" />
        <source>created: {key} ({name})</source>
        <translation>أُنشئ: {key} ({name})</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="431" />
        <source>created: {title}</source>
        <translation>أُنشئ: {title}</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="366" />
        <source>deleted</source>
        <translation>حُذف</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="812" />
        <source>end {end} is past the end of the article ({length})</source>
        <translation>النهاية {end} تتجاوز نهاية المقال ({length})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/exchange/csv_format.py" line="408" />
        <source>has {cells} cell(s) but the header has {columns}</source>
        <translation>
            <numerusform>فيه {cells} خلية لكن سطر العناوين فيه {columns}</numerusform>
            <numerusform>فيه خلية واحدة لكن سطر العناوين فيه {columns}</numerusform>
            <numerusform>فيه خليتان لكن سطر العناوين فيه {columns}</numerusform>
            <numerusform>فيه {cells} خلايا لكن سطر العناوين فيه {columns}</numerusform>
            <numerusform>فيه {cells} خلية لكن سطر العناوين فيه {columns}</numerusform>
            <numerusform>فيه {cells} خلية لكن سطر العناوين فيه {columns}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="82" />
        <source>it had been deleted: brought back, with the words it had tagged</source>
        <translation>كان قد حُذف: أُعيد، مع الكلمات التي وُسمت فيه</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="506" />
        <source>its article was deleted in this project: bring it back first (tahqiq article {id} --restore)</source>
        <translation>حُذف مقاله في هذا المشروع: أعده أولًا (tahqiq article {id} --restore)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/jsonld.py" line="256" />
        <source>its verdict was rejected in review</source>
        <translation>رُفض حكمه في المراجعة</translation>
    </message>
    <message>
        <location filename="../../store/exchange/jsonld.py" line="265" />
        <source>its words are published as claim {claim}, with the same verdict and that claim's own note and sources: copy this one's there to publish them</source>
        <translation>كلماته منشورة في الادعاء {claim} بالحكم نفسه، بملاحظة ذلك الادعاء ومصادره: انسخ ملاحظة هذا الادعاء ومصادره إليه لتُنشر</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="500" />
        <source>kept a later change over {lost}'s</source>
        <translation>أُبقي تغيير أحدث بدل تغيير {lost}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="79" />
        <source>kept only the article text of the web page</source>
        <translation>احتُفظ بنص المقال فقط من صفحة الويب</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="494" />
        <source>kept {deleter}'s deletion over {other}'s edit</source>
        <translation>أُبقي حذف {deleter} بدل تعديل {other}</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="491" />
        <source>kept {deleter}'s deletion over {other}'s edit, which it holds (restoring the claim brings it back)</source>
        <translation>أُبقي حذف {deleter} على تعديل {other}، وهو محفوظ فيه (استعادة الادعاء تعيده)</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="516" />
        <source>kept {deleter}'s deletion over {other}'s version</source>
        <translation>أُبقي حذف {deleter} بدل نسخة {other}</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="482" />
        <source>kept {kept}'s version over {lost}'s</source>
        <translation>أُبقيت نسخة {kept} بدل نسخة {lost}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="669" />
        <source>label '{label}' names more than one label</source>
        <translation>«{label}» اسم لأكثر من تصنيف</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="666" />
        <source>label '{label}' names more than one label ({which}): give its key</source>
        <translation>«{label}» اسم لأكثر من تصنيف ({which}): اذكر مفتاحه</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="659" />
        <source>label is empty</source>
        <translation>التصنيف فارغ</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="657" />
        <source>label is empty: give the claim's verdict (labels: {known})</source>
        <translation>التصنيف فارغ: اكتب حكم الادعاء (التصنيفات: {known})</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="377" />
        <source>label: {before} → {after}</source>
        <translation>الحكم: {before} ← {after}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="80" />
        <source>left out the document's deleted tracked changes, comments and hidden text</source>
        <translation>تُرك من المستند ما حُذف في تتبّع التغييرات والتعليقات والنص المخفي</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="240" />
        <source>line {line}: {problem}</source>
        <translation>السطر {line}: {problem}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="425" />
        <source>missing column(s): {columns}</source>
        <translation>أعمدة ناقصة: {columns}</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="353" />
        <source>moved: {old_start}–{old_end} → {start}–{end}</source>
        <translation>نُقل: {old_start}–{old_end} ← {start}–{end}</translation>
    </message>
    <message>
        <location filename="../../store/review/agreement.py" line="367" />
        <source>n/a</source>
        <translation>غير متاح</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="508" />
        <source>no article in this project has this text (article_sha256) or id (article_id)</source>
        <translation>لا يوجد في هذا المشروع مقال بهذا النص (article_sha256) أو بهذا المعرّف (article_id)</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="361" />
        <source>no change</source>
        <translation>لا تغيير</translation>
    </message>
    <message>
        <location filename="../../store/exchange/jsonld.py" line="253" />
        <source>no verdict yet ({label})</source>
        <translation>لا حكم بعد ({label})</translation>
    </message>
    <message>
        <location filename="../../store/text/clean.py" line="324" />
        <source>normalised to Unicode NFC</source>
        <translation>وُحّد الترميز إلى Unicode NFC</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="370" />
        <source>note added</source>
        <translation>أُضيفت ملاحظة</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="371" />
        <source>note edited</source>
        <translation>عُدّلت الملاحظة</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="370" />
        <source>note removed</source>
        <translation>حُذفت الملاحظة</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="841" />
        <source>prefix does not match the text before the quote</source>
        <translation>السابقة (prefix) لا تطابق النص الذي يسبق الاقتباس</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="373" />
        <source>quote changed</source>
        <translation>تغيّر النص المقتبس</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="827" />
        <source>quote does not match the article text</source>
        <translation>الاقتباس لا يطابق نص المقال</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="822" />
        <source>quote does not match the article text, which reads '{there}' there (a spreadsheet may have made it a date: open the CSV with the quote column as Text)</source>
        <translation>الاقتباس لا يطابق نص المقال، وفيه هناك «{there}» (ربما جعله جدول البيانات تاريخًا: افتح ملف CSV وعمود الاقتباس بصيغة نص)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="466" />
        <source>read as {encoding}; {alternative} was possible too</source>
        <translation>قُرئ بترميز {encoding}؛ وكان {alternative} ممكنًا أيضًا</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="314" />
        <source>rejected</source>
        <translation>رُفض</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="331" />
        <source>removed</source>
        <translation>أُزيل</translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/text/clean.py" line="311" />
        <source>removed {count} control character(s)</source>
        <translation>
            <numerusform>أُزيل {count} محرف تحكم</numerusform>
            <numerusform>أُزيل محرف تحكم واحد</numerusform>
            <numerusform>أُزيل محرفا تحكم</numerusform>
            <numerusform>أُزيلت {count} محارف تحكم</numerusform>
            <numerusform>أُزيل {count} محرفَ تحكم</numerusform>
            <numerusform>أُزيل {count} محرف تحكم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/text/clean.py" line="300" />
        <source>removed {count} line(s) of site boilerplate at the start or end: {lines}</source>
        <translation>
            <numerusform>حُذف {count} سطر من حشو الموقع في البداية أو النهاية: {lines}</numerusform>
            <numerusform>حُذف سطر واحد من حشو الموقع في البداية أو النهاية: {lines}</numerusform>
            <numerusform>حُذف سطران من حشو الموقع في البداية أو النهاية: {lines}</numerusform>
            <numerusform>حُذفت {count} أسطر من حشو الموقع في البداية أو النهاية: {lines}</numerusform>
            <numerusform>حُذف {count} سطرًا من حشو الموقع في البداية أو النهاية: {lines}</numerusform>
            <numerusform>حُذف {count} سطر من حشو الموقع في البداية أو النهاية: {lines}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/text/clean.py" line="295" />
        <source>removed {count} scrape marker(s): {markers}</source>
        <translation>
            <numerusform>أُزيلت {count} علامة نسخ آلي: {markers}</numerusform>
            <numerusform>أُزيلت علامة نسخ آلي واحدة: {markers}</numerusform>
            <numerusform>أُزيلت علامتا نسخ آلي: {markers}</numerusform>
            <numerusform>أُزيلت {count} علامات نسخ آلي: {markers}</numerusform>
            <numerusform>أُزيلت {count} علامةَ نسخ آلي: {markers}</numerusform>
            <numerusform>أُزيلت {count} علامة نسخ آلي: {markers}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/text/clean.py" line="319" />
        <source>removed {count} soft hyphen(s) (invisible hyphenation points)</source>
        <translation>
            <numerusform>أُزيلت {count} شرطة مرنة (نقاط تقطيع غير مرئية)</numerusform>
            <numerusform>أُزيلت شرطة مرنة واحدة (نقطة تقطيع غير مرئية)</numerusform>
            <numerusform>أُزيلت شرطتان مرنتان (نقطتا تقطيع غير مرئيتين)</numerusform>
            <numerusform>أُزيلت {count} شرطات مرنة (نقاط تقطيع غير مرئية)</numerusform>
            <numerusform>أُزيلت {count} شرطةً مرنة (نقاط تقطيع غير مرئية)</numerusform>
            <numerusform>أُزيلت {count} شرطة مرنة (نقاط تقطيع غير مرئية)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/text/clean.py" line="305" />
        <source>removed {count} stray bidi control character(s)</source>
        <translation>
            <numerusform>أُزيل {count} محرف شارد للتحكم في الاتجاه</numerusform>
            <numerusform>أُزيل محرف شارد للتحكم في الاتجاه</numerusform>
            <numerusform>أُزيل محرفان شاردان للتحكم في الاتجاه</numerusform>
            <numerusform>أُزيلت {count} محارف شاردة للتحكم في الاتجاه</numerusform>
            <numerusform>أُزيل {count} محرفًا شاردًا للتحكم في الاتجاه</numerusform>
            <numerusform>أُزيل {count} محرف شارد للتحكم في الاتجاه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/text/clean.py" line="308" />
        <source>removed {count} terminal escape sequence(s) (colour codes, window titles)</source>
        <translation>
            <numerusform>أُزيل {count} تسلسل هروب للطرفية (رموز ألوان، عناوين نوافذ)</numerusform>
            <numerusform>أُزيل تسلسل هروب واحد للطرفية (رموز ألوان، عناوين نوافذ)</numerusform>
            <numerusform>أُزيل تسلسلا هروب للطرفية (رموز ألوان، عناوين نوافذ)</numerusform>
            <numerusform>أُزيلت {count} تسلسلات هروب للطرفية (رموز ألوان، عناوين نوافذ)</numerusform>
            <numerusform>أُزيل {count} تسلسلَ هروب للطرفية (رموز ألوان، عناوين نوافذ)</numerusform>
            <numerusform>أُزيل {count} تسلسل هروب للطرفية (رموز ألوان، عناوين نوافذ)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="78" />
        <source>repaired visual-order PDF text</source>
        <translation>أُصلح نص PDF ذو الترتيب المرئي</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="366" />
        <source>restored</source>
        <translation>أُعيد</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="444" />
        <source>sources: reordered</source>
        <translation>المصادر: أُعيد ترتيبها</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="445" />
        <source>sources: {counts}</source>
        <translation>المصادر: {counts}</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="326" />
        <source>split off as a claim of its own ({label})</source>
        <translation>فُصل ادعاءً مستقلًا ({label})</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="204" />
        <source>split off as a claim of its own ({label}): “{quote}”</source>
        <translation>فُصل ادعاءً مستقلًا ({label}): «{quote}»</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="563" />
        <source>start {start} and end {end} take in a space beside the words: a place holds words, not the spaces around them</source>
        <translation>يضمّ البدء {start} والنهاية {end} مسافةً بجانب الكلمات: الموضع يضمّ الكلمات لا المسافات حولها</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="808" />
        <source>start {start} is not before end {end}</source>
        <translation>البداية {start} ليست قبل النهاية {end}</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="845" />
        <source>suffix does not match the text after the quote</source>
        <translation>اللاحقة (suffix) لا تطابق النص الذي يلي الاقتباس</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="391" />
        <source>tagged “{quote}”</source>
        <translation>وُسم «{quote}»</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="220" />
        <source>tagged “{quote}” ({count} place(s))</source>
        <translation>وُسم «{quote}» (المواضع: {count})</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="394" />
        <source>tagged “{quote}” again</source>
        <translation>أُعيد وسم «{quote}»</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="218" />
        <source>tagged “{quote}” again ({count} place(s))</source>
        <translation>أُعيد وسم «{quote}» (المواضع: {count})</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="333" />
        <source>text replaced</source>
        <translation>استُبدل النص</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="956" />
        <source>the PDF it was copied from wrote «لا» as «ال», so search will miss words such as «{word}» (at least {count})</source>
        <translation>كتب ملفُّ PDF الذي نُسخ منه النص «لا» على صورة «ال»، فلن يجد البحث كلمات مثل «{word}» ({count} على الأقل)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="295" />
        <source>the file is empty</source>
        <translation>الملف فارغ</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="262" />
        <source>the file is larger than {limit} MiB</source>
        <translation>الملف أكبر من {limit} MiB</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="272" />
        <source>the file starts as UTF-16 but is not: save it as CSV UTF-8</source>
        <translation>يبدأ الملف بترميز UTF-16 لكنه ليس كذلك: احفظه بصيغة CSV UTF-8</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="870" />
        <source>the publication date «{date}» is not YYYY-MM-DD: ClaimReview exports leave it out (Article Properties changes it)</source>
        <translation>تاريخ النشر «{date}» ليس بصيغة YYYY-MM-DD: تتركه صادرات ClaimReview (تغيّره خصائص المقال)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="834" />
        <source>the quote is only harakat or other marks</source>
        <translation>الاقتباس حركات أو علامات أخرى فقط</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="830" />
        <source>the quote is only spaces</source>
        <translation>الاقتباس مسافات فقط</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="420" />
        <source>there is no header row; the first line must name the columns ({columns})</source>
        <translation>لا يوجد سطر عناوين؛ يجب أن يسمّي السطر الأول الأعمدة ({columns})</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="395" />
        <source>this is not valid CSV ({reason})</source>
        <translation>هذا ليس CSV صالحًا ({reason})</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="676" />
        <source>unknown label '{label}'</source>
        <translation>تصنيف غير معروف «{label}»</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="672" />
        <source>unknown label '{label}' (labels: {known}); add it in Project ▸ Labels…, or merge the colleague's project file, which brings its labels</source>
        <translation>تصنيف غير معروف «{label}» (التصنيفات: {known})؛ أضفه في المشروع ◂ التصنيفات…، أو ادمج ملف مشروع الزميل الذي يجلب تصنيفاته</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="393" />
        <source>untagged “{quote}”</source>
        <translation>أُزيل وسم «{quote}»</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="216" />
        <source>untagged “{quote}” ({count} place(s))</source>
        <translation>أُزيل وسم «{quote}» (المواضع: {count})</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="396" />
        <source>words changed: “{old}” → “{quote}”</source>
        <translation>تغيّرت الكلمات: «{old}» ← «{quote}»</translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/text/clean.py" line="316" />
        <source>wrote {count} ligature(s) as plain letters (ﬁ as fi)</source>
        <translation>
            <numerusform>كُتب {count} حرف مركّب حروفًا عادية (ﬁ صارت fi)</numerusform>
            <numerusform>كُتب حرف مركّب واحد حروفًا عادية (ﬁ صارت fi)</numerusform>
            <numerusform>كُتب حرفان مركّبان حروفًا عادية (ﬁ صارت fi)</numerusform>
            <numerusform>كُتبت {count} حروف مركّبة حروفًا عادية (ﬁ صارت fi)</numerusform>
            <numerusform>كُتب {count} حرفًا مركّبًا حروفًا عادية (ﬁ صارت fi)</numerusform>
            <numerusform>كُتب {count} حرف مركّب حروفًا عادية (ﬁ صارت fi)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/text/clean.py" line="313" />
        <source>wrote {count} presentation form(s) as plain letters (ﻻ as لا)</source>
        <translation>
            <numerusform>كُتب {count} شكل عرض حروفًا عادية (ﻻ صارت لا)</numerusform>
            <numerusform>كُتب شكل عرض واحد حرفًا عاديًا (ﻻ صارت لا)</numerusform>
            <numerusform>كُتب شكلا عرض حرفين عاديين (ﻻ صارت لا)</numerusform>
            <numerusform>كُتبت {count} أشكال عرض حروفًا عادية (ﻻ صارت لا)</numerusform>
            <numerusform>كُتب {count} شكلَ عرض حروفًا عادية (ﻻ صارت لا)</numerusform>
            <numerusform>كُتب {count} شكل عرض حروفًا عادية (ﻻ صارت لا)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../store/exchange/jsonld.py" line="259" />
        <source>{annotator} gave its words another verdict ({label}): settle the disagreement first</source>
        <translation>أعطى {annotator} الكلمات نفسها حكمًا آخر ({label}): احسم الخلاف أولًا</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="303" />
        <source>{at}  {who}  {summary}</source>
        <translation>{at}  {who}  {summary}</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="301" />
        <source>{at}  {who}  {summary} in «{title}»</source>
        <translation>{at}  {who}  {summary} في «{title}»</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="344" />
        <source>{changes}; {name}'s note read “{note}”</source>
        <translation>{changes}؛ وكانت ملاحظة {name}: «{note}»</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="964" />
        <source>{column} '{value}' is a number a spreadsheet re-typed, its last digits lost, so the claim (or place) it names cannot be known: open the CSV as Tahqiq exported it with Data ▸ From Text/CSV, set {column} as Text and make the changes again (or type the ids in full)</source>
        <translation>قيمة {column} «{value}» رقم أعاد جدول البيانات كتابته فضاعت أرقامه الأخيرة، فلا سبيل إلى معرفة الادعاء (أو الموضع) الذي يشير إليه: افتح ملف CSV كما صدّره تحقيق عبر البيانات ◂ من نص/CSV، واجعل {column} بصيغة نص وأعد التعديلات (أو اكتب المعرّفات كاملة)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="595" />
        <source>{column} '{value}' is not a UTC time like 2024-06-19T10:00:00Z</source>
        <translation>قيمة {column} «{value}» ليست وقتًا بتوقيت UTC مثل ⁦2024-06-19T10:00:00Z⁩</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="796" />
        <source>{column} '{value}' is not a place in the article (a whole number, 0 or more)</source>
        <translation>قيمة {column} «{value}» ليست موضعًا في المقال (عددًا صحيحًا، صفرًا أو أكثر)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="800" />
        <source>{column} '{value}' is past the end of any article</source>
        <translation>قيمة {column} «{value}» تتجاوز نهاية أي مقال</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="317" />
        <source>{decision} ({label})</source>
        <translation>{decision} ({label})</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="382" />
        <source>{field} edited</source>
        <translation>عُدّل {field}</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="380" />
        <source>{field}: {before} → {after}</source>
        <translation>{field}: {before} ← {after}</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1794" />
        <source>{file} is a file where a folder should be, so the project {name} cannot be created there.</source>
        <translation>{file} ملف في مكان مجلد، لذا لا يمكن إنشاء المشروع {name} هناك.</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="420" />
        <source>{first}, {rest}</source>
        <translation>{first}، {rest}</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1797" />
        <source>{folder} is read-only, so the project {name} cannot be created there.</source>
        <translation>المجلد {folder} للقراءة فقط، فلا يمكن إنشاء المشروع {name} فيه.</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="525" />
        <source>{head}: {changes}</source>
        <translation>{head}: {changes}</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="503" />
        <source>{head}; not kept: {changes}</source>
        <translation>{head}؛ لم يُبقَ: {changes}</translation>
    </message>
    <message>
        <location filename="../../store/core/claims.py" line="147" />
        <source>{name} changed this claim since; going back would overwrite that.</source>
        <translation>غيّر {name} هذا الادعاء منذ ذلك الحين؛ والرجوع سيمحو تغييره.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="918" />
        <source>{name} changed while it was imported; nothing was imported.</source>
        <translation>تغيّر {name} أثناء استيراده؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="544" />
        <source>{name} claims to be {encoding} but byte {byte} is not valid; nothing was imported.</source>
        <translation>يُفترض أن ترميز {name} هو {encoding}، لكن البايت {byte} غير صالح فيه؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="265" />
        <source>{name} could not be opened ({reason}): is the disk full, or its folder read-only? Nothing in it was changed.</source>
        <translation>تعذّر فتح {name} ({reason}): هل القرص ممتلئ، أم مجلده للقراءة فقط؟ لم يتغير فيه شيء.</translation>
    </message>
    <message>
        <location filename="../../store/core/article_deletion.py" line="103" />
        <source>{name} deleted the claim of “{quote}” since; its words here come back with it (Edit ▸ Deleted Claims…, or tahqiq claim {id} --restore).</source>
        <translation>حذف {name} ادعاء «{quote}» منذ ذلك الحين؛ وتعود كلماته هنا معه (تحرير ◂ الادعاءات المحذوفة…، أو tahqiq claim {id} --restore).</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="1227" />
        <source>{name} deleted the claim these words go back to since; going back would bring it back.</source>
        <translation>حذف {name} الادعاء الذي تعود إليه هذه الكلمات منذ ذلك الحين؛ والرجوع سيعيده.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="317" />
        <source>{name} does not read as Arabic in any encoding Tahqiq knows (Windows-1256, ISO-8859-6, MacArabic), so it would be stored garbled; nothing was imported. Save it as UTF-8 and try again.</source>
        <translation>لا يُقرأ {name} عربيًا بأي ترميز يعرفه تحقيق (Windows-1256 أو ISO-8859-6 أو MacArabic)، فكان سيُخزَّن مشوَّهًا؛ لم يُستورد شيء. احفظه بترميز UTF-8 وأعد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../store/review/reviews.py" line="46" />
        <source>{name} gave this claim its verdict; a review must come from someone else.</source>
        <translation>أعطى {name} هذا الادعاء حكمه؛ يجب أن تأتي المراجعة من شخص آخر.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="970" />
        <source>{name} had lost the marks that name it a Tahqiq project (sqlite3's .dump and .clone keep none); it was taken as a project of schema {version} and upgraded, a copy kept as {copy}.</source>
        <translation>كان {name} قد فقد العلامتين اللتين تسمّيانه مشروع تحقيق (لا يحفظ ‎.dump ولا ‎.clone في sqlite3 أيًّا منهما)؛ فأُخذ مشروعًا من المخطط {version} ورُقّي، وحُفظت نسخة منه باسم {copy}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../store/exchange/merge.py" line="1038" />
        <source>{name} has claims whose words are not where it puts them in this project's copy of their article ({count} place(s)): the article's text differs there, or another program moved them. Nothing was merged.</source>
        <translation>
            <numerusform>في {name} ادعاءات ليست كلماتها حيث يضعها في نسخة هذا المشروع من مقالها ({count} موضع): نص المقال يختلف هناك، أو نقلها برنامج آخر. لم يُدمج شيء.</numerusform>
            <numerusform>في {name} ادعاءات ليست كلماتها حيث يضعها في نسخة هذا المشروع من مقالها (موضع واحد): نص المقال يختلف هناك، أو نقلها برنامج آخر. لم يُدمج شيء.</numerusform>
            <numerusform>في {name} ادعاءات ليست كلماتها حيث يضعها في نسخة هذا المشروع من مقالها (موضعان): نص المقال يختلف هناك، أو نقلها برنامج آخر. لم يُدمج شيء.</numerusform>
            <numerusform>في {name} ادعاءات ليست كلماتها حيث يضعها في نسخة هذا المشروع من مقالها ({count} مواضع): نص المقال يختلف هناك، أو نقلها برنامج آخر. لم يُدمج شيء.</numerusform>
            <numerusform>في {name} ادعاءات ليست كلماتها حيث يضعها في نسخة هذا المشروع من مقالها ({count} موضعًا): نص المقال يختلف هناك، أو نقلها برنامج آخر. لم يُدمج شيء.</numerusform>
            <numerusform>في {name} ادعاءات ليست كلماتها حيث يضعها في نسخة هذا المشروع من مقالها ({count} موضع): نص المقال يختلف هناك، أو نقلها برنامج آخر. لم يُدمج شيء.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="984" />
        <source>{name} holds a link, not an article's text: Tahqiq does not download web pages. Save the page from the browser and import the saved file.</source>
        <translation>{name} يحوي رابطًا لا نص مقال: تحقيق لا ينزّل صفحات الويب. احفظ الصفحة من المتصفح واستورد الملف المحفوظ.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/word_document.py" line="236" />
        <source>{name} holds more text than Tahqiq imports (the limit is {limit} MiB).</source>
        <translation>يحوي {name} نصًا أكثر مما يستورده تحقيق (الحد {limit} ميغابايت).</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="626" />
        <source>{name} holds more than {limit} MiB, the limit for a document.</source>
        <translation>يحوي {name} أكثر من {limit} MiB، وهو الحد الأقصى للمستند.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="628" />
        <source>{name} holds more than {limit} MiB, the limit for text.</source>
        <translation>يحوي {name} أكثر من {limit} MiB، وهو الحد الأقصى للنص.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="756" />
        <source>{name} holds no text to import.</source>
        <translation>لا يحوي {name} نصًا لاستيراده.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="734" />
        <source>{name} is a CSV of claims, not an article: bring it in with File ▸ Import Claims (CSV), or tahqiq merge.</source>
        <translation>{name} ملف CSV لادعاءات وليس مقالًا: أدخله من ملف ◂ استيراد ادعاءات (CSV)، أو بالأمر tahqiq merge.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="760" />
        <source>{name} is a JSON-LD export of claims (W3C annotations or ClaimReview), not an article: to bring a colleague's claims in, merge their project file (File ▸ Merge Colleague's Project, or tahqiq merge).</source>
        <translation>{name} تصدير JSON-LD للادعاءات (تعليقات W3C أو ClaimReview)، لا مقال: لإدخال ادعاءات زميل، ادمج ملف مشروعه (ملف ◂ دمج مشروع زميل، أو tahqiq merge).</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="711" />
        <source>{name} is a PDF, which Tahqiq does not read: copy the article's text out of it, then paste it as a new article or save it as a .txt file.</source>
        <translation>{name} ملف PDF، وتحقيق لا يقرأ هذا النوع: انسخ نص المقال منه، ثم ألصقه مقالًا جديدًا أو احفظه ملفًا ‎.txt.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="583" />
        <source>{name} is a folder with no article in it (no .txt, .html, .docx or .odt file).</source>
        <translation>{name} مجلد لا مقال فيه (لا ملف ‎.txt‎ ولا ‎.html‎ ولا ‎.docx‎ ولا ‎.odt‎).</translation>
    </message>
    <message>
        <location filename="../../store/core/paths.py" line="49" />
        <source>{name} is a folder, not a Tahqiq project.</source>
        <translation>{name} مجلد، لا مشروع تحقيق.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="369" />
        <source>{name} is a folder: a merge brings in a colleague's project file (.tahqiq) or a claims CSV.</source>
        <translation>{name} مجلد: الدمج يجلب ملف مشروع زميل (‎.tahqiq‎) أو ملف CSV للادعاءات.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="715" />
        <source>{name} is a project (a database), not an article: merge it instead (File ▸ Merge Colleague's Project, or tahqiq merge).</source>
        <translation>{name} مشروع (قاعدة بيانات) وليس مقالًا: ادمجه بدلًا من ذلك (ملف ◂ دمج مشروع زميل، أو tahqiq merge).</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="728" />
        <source>{name} is a saved e-mail, which Tahqiq does not read: copy the article's text out of it, then paste it as a new article or save it as a .txt file.</source>
        <translation>{name} رسالة بريد إلكتروني محفوظة، وتحقيق لا يقرأ هذا النوع: انسخ نص المقال منها، ثم ألصقه مقالًا جديدًا أو احفظه ملفًا ‎.txt.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="723" />
        <source>{name} is a single-file web page (MHTML), which Tahqiq does not read: save the page as HTML, or copy its text.</source>
        <translation>{name} صفحة ويب في ملف واحد (MHTML)، وتحقيق لا يقرأ هذا النوع: احفظ الصفحة بصيغة HTML، أو انسخ نصها.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="739" />
        <source>{name} is a spreadsheet, which Tahqiq does not read as an article: open it, copy the article's text and paste it as a new article, or save it as a .txt file.</source>
        <translation>{name} ملف جدول بيانات لا يقرؤه تحقيق مقالًا: افتحه وانسخ نص المقال والصقه مقالًا جديدًا، أو احفظه ملفًا ‎.txt.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/web_page.py" line="172" />
        <source>{name} is a web page of more than {limit} elements, far more than an article's page: copy the article's text into a .txt file instead.</source>
        <translation>{name} صفحة ويب فيها أكثر من {limit} عنصر، أكثر بكثير مما في صفحة مقال: انسخ نص المقال إلى ملف ‎.txt واستورده بدلًا منها.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="751" />
        <source>{name} is a whole-project JSON export, which Tahqiq does not import: the backup to restore from is the project file (.tahqiq).</source>
        <translation>{name} تصدير JSON للمشروع كاملًا، وتحقيق لا يستورده: النسخة الاحتياطية التي يُستعاد منها هي ملف المشروع (‎.tahqiq).</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="745" />
        <source>{name} is a word-processor file Tahqiq does not read: save it as a Word document (.docx) or OpenDocument text (.odt) and import that, or copy the article's text and paste it as a new article.</source>
        <translation>{name} ملف معالج نصوص لا يقرؤه تحقيق: احفظه مستند Word ‏(‎.docx) أو نص OpenDocument ‏(‎.odt) واستورده، أو انسخ نص المقال والصقه مقالًا جديدًا.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="948" />
        <source>{name} is already in the project as “{title}”; nothing was added.</source>
        <translation>{name} موجود في المشروع مسبقًا باسم «{title}»؛ لم يُضف شيء.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="190" />
        <source>{name} is an SQLite database but not a Tahqiq project: it holds Tahqiq's tables without the marks that name a project (sqlite3's .dump and .clone keep none), but they are not those of any of its schemas ({problem}); it was left untouched.</source>
        <translation>{name} قاعدة بيانات SQLite لكنه ليس مشروع تحقيق: فيه جداول تحقيق دون العلامتين اللتين تسمّيان المشروع (لا يحفظ ‎.dump ولا ‎.clone في sqlite3 أيًّا منهما)، لكنها ليست جداول أيٍّ من مخططاته ({problem})؛ تُرك دون أي تغيير.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="202" />
        <source>{name} is an SQLite database but not a Tahqiq project; it was left untouched.</source>
        <translation>{name} قاعدة بيانات SQLite لكنه ليس مشروع تحقيق؛ تُرك دون أي تغيير.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="379" />
        <source>{name} is an article, not a project: import it (File ▸ Import Article, `tahqiq import`); a merge brings in a colleague's project file (.tahqiq) or a claims CSV.</source>
        <translation>{name} مقال وليس مشروعًا: استورده (ملف ◂ استيراد مقال، ‎`tahqiq import`‎)؛ الدمج يجلب ملف مشروع زميل (‎.tahqiq‎) أو ملف CSV للادعاءات.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="198" />
        <source>{name} is an empty SQLite database that Tahqiq cannot make a project in ({problem}); it was left untouched.</source>
        <translation>{name} قاعدة بيانات SQLite فارغة لا يستطيع تحقيق أن ينشئ فيها مشروعًا ({problem})؛ تُرك دون أي تغيير.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="372" />
        <source>{name} is an export, not a project: a merge brings in a colleague's project file (.tahqiq) or a claims CSV.</source>
        <translation>{name} ملف تصدير وليس مشروعًا: الدمج يجلب ملف مشروع زميل (‎.tahqiq‎) أو ملف CSV للادعاءات.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/word_document.py" line="129" />
        <source>{name} is an older Office file (such as a Word 97–2003 .doc), which Tahqiq cannot read: save it as a Word document (.docx), or copy its text.</source>
        <translation>{name} ملف Office قديم (مثل ‎.doc من Word 97–2003) لا يستطيع تحقيق قراءته: احفظه مستند Word ‏(‎.docx)، أو انسخ نصه.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="214" />
        <source>{name} is damaged (its schema version is {version}); it was left untouched.</source>
        <translation>{name} تالف (رقم إصدار مخططه {version})؛ تُرك دون أي تغيير.</translation>
    </message>
    <message>
        <location filename="../../store/cli/project.py" line="104" />
        <source>{name} is damaged ({problem}); it was left untouched.</source>
        <translation>{name} تالف ({problem})؛ تُرك دون أي تغيير.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="180" />
        <source>{name} is damaged or not a Tahqiq project ({reason}).</source>
        <translation>{name} تالف أو ليس مشروع تحقيق ({reason}).</translation>
    </message>
    <message>
        <location filename="../../store/exchange/word_document.py" line="209" />
        <source>{name} is damaged: its text cannot be read as a Word or OpenDocument file. Open it in a word processor and save it again, or copy its text.</source>
        <translation>{name} تالف: لا يمكن قراءة نصه ملفَّ Word أو OpenDocument. افتحه في معالج نصوص واحفظه من جديد، أو انسخ نصه.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="440" />
        <source>{name} is damaged: rows of it point at rows missing from it, as another program left them; `tahqiq check` on it names them. Nothing was merged, and this project is as it was.</source>
        <translation>{name} تالف: فيه صفوف تشير إلى صفوف مفقودة منه، كما تركها برنامج آخر؛ يسمّيها ‎`tahqiq check`‎ عليه. لم يُدمج شيء، وهذا المشروع على حاله.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="436" />
        <source>{name} is damaged: {problem}, as another program left it; `tahqiq check` on it names all it finds. Nothing was merged, and this project is as it was.</source>
        <translation>{name} تالف: {problem}، كما تركه برنامج آخر؛ يسمّي ‎`tahqiq check`‎ عليه كل ما يجده. لم يُدمج شيء، وهذا المشروع على حاله.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/merge.py" line="489" />
        <source>{name} is empty, not a Tahqiq project.</source>
        <translation>{name} فارغ، وليس مشروع تحقيق.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="231" />
        <source>{name} is empty.</source>
        <translation>{name} فارغ.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="96" />
        <source>{name} is not a Tahqiq project (it is not an SQLite database).</source>
        <translation>{name} ليس مشروع تحقيق (ليس قاعدة بيانات SQLite).</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="602" />
        <source>{name} is not a saved file (it is a pipe nothing writes to, a socket or a device); it was not imported.</source>
        <translation>{name} ليس ملفًا محفوظًا (هو أنبوب لا يكتب إليه شيء أو مقبس أو جهاز)؛ لم يُستورد.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="276" />
        <source>{name} is not in an encoding Tahqiq can read reliably (UTF-8, UTF-16, Windows-1256, ISO-8859-6). Save it as UTF-8 and try again.</source>
        <translation>ترميز {name} ليس من الترميزات التي يقرؤها تحقيق بموثوقية (UTF-8 وUTF-16 وWindows-1256 وISO-8859-6). احفظه بترميز UTF-8 وأعد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="458" />
        <source>{name} is not in {encoding}: byte {byte} is not valid in it; nothing was imported. Leave out --encoding to have Tahqiq find the encoding.</source>
        <translation>{name} ليس بترميز {encoding}: البايت {byte} غير صالح فيه؛ لم يُستورد شيء. احذف ‎--encoding ليجد تحقيق الترميز بنفسه.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/word_document.py" line="885" />
        <source>{name} is protected by a password, which Tahqiq cannot open: save it without the password, or copy its text.</source>
        <translation>{name} محمي بكلمة مرور لا يستطيع تحقيق فتحه بها: احفظه دون كلمة المرور، أو انسخ نصه.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="93" />
        <source>{name} is text, not a Tahqiq project: to read an article, import it into a project (File ▸ Import Article, or tahqiq import).</source>
        <translation>{name} نص، لا مشروع تحقيق: لقراءة مقال، استورده إلى مشروع (ملف ◂ استيراد مقال، أو ‎tahqiq import‎).</translation>
    </message>
    <message>
        <location filename="../../store/cli/project.py" line="42" />
        <source>{name} is there already: a new project is made in a new file.</source>
        <translation>{name} موجود من قبل: يُنشأ المشروع الجديد في ملف جديد.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="648" />
        <source>{name} is {size} MB; the limit for a document is {limit} MiB.</source>
        <translation>حجم {name} هو {size} MB؛ والحد الأقصى للمستند {limit} MiB.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="651" />
        <source>{name} is {size} MB; the limit is {limit} MiB of text.</source>
        <translation>حجم {name} هو {size} MB؛ والحد الأقصى للنص {limit} MiB.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1051" />
        <source>{name} lacks its index {index} (removed by another program?) and is read-only, so it cannot be repaired; copy it somewhere writable.</source>
        <translation>ينقص {name} فهرسه {index} (أزاله برنامج آخر؟) وهو للقراءة فقط، فلا يمكن إصلاحه؛ انسخه إلى مكان تمكن الكتابة فيه.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1251" />
        <source>{name} lacks its index {index} (removed by another program?), and another program kept the file busy, so it could not be made again; try again once it is done.</source>
        <translation>ينقص {name} فهرسه {index} (أزاله برنامج آخر؟)، وأبقى برنامج آخر الملف مشغولًا، فتعذّر إنشاؤه من جديد؛ أعد المحاولة حين ينتهي منه.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1255" />
        <source>{name} lacks its index {index} (removed by another program?), and it could not be made again ({reason}); reopen the project to repair it.</source>
        <translation>ينقص {name} فهرسه {index} (أزاله برنامج آخر؟)، وتعذّر إنشاؤه من جديد ({reason})؛ أعد فتح المشروع لإصلاحه.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="740" />
        <source>{name} linked these words to another claim since; going back would untag them.</source>
        <translation>ربط {name} هذه الكلمات بادعاء آخر منذ ذلك الحين؛ والرجوع سيزيل وسمها.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="251" />
        <source>{name} looks like a binary file, not text.</source>
        <translation>يبدو أن {name} ملف ثنائي وليس نصًا.</translation>
    </message>
    <message>
        <location filename="../../store/cli/articles.py" line="131" />
        <source>{name} looks like text copied out of a PDF (visual order, presentation forms): import it again with --repair-pdf to repair it, or --as-is to keep it as it is.</source>
        <translation>يبدو أن {name} نص منسوخ من ملف PDF (بالترتيب المرئي وبأشكال العرض): استورده مجددًا مع ‎--repair-pdf لإصلاحه، أو مع ‎--as-is لإبقائه كما هو.</translation>
    </message>
    <message>
        <location filename="../../store/review/reviews.py" line="44" />
        <source>{name} made this claim; a review must come from someone else.</source>
        <translation>أنشأ {name} هذا الادعاء؛ يجب أن تأتي المراجعة من شخص آخر.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="528" />
        <source>{name} mixes UTF-8 with another encoding (byte {byte} is not UTF-8), so it cannot be read without garbling part of it; nothing was imported. Save it as UTF-8 and try again.</source>
        <translation>يخلط {name} بين UTF-8 وترميز آخر (البايت {byte} ليس UTF-8)، فلا يمكن قراءته دون تشويه جزء منه؛ لم يُستورد شيء. احفظه بترميز UTF-8 وأعد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="1244" />
        <source>{name} moved these words to another claim since; going back would take them off it.</source>
        <translation>نقل {name} هذه الكلمات إلى ادعاء آخر منذ ذلك الحين؛ والرجوع سينزعها عنه.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1040" />
        <source>{name} needs upgrading but is read-only; copy it somewhere writable.</source>
        <translation>يحتاج {name} إلى ترقية لكنه للقراءة فقط؛ انسخه إلى مكان تمكن الكتابة فيه.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="273" />
        <source>{name} reads as damaged ({problem}) with the changes in {wal} beside it, which a program that stopped left there; both were left untouched. If you put this file in place of another (a backup, a copy), move {wal} away and open it again.</source>
        <translation>{name} يُقرأ تالفًا ({problem}) مع التغييرات التي في {wal} بجانبه، وقد تركها هناك برنامج توقف؛ تُرك كلاهما دون مساس. إن وضعت هذا الملف مكان ملف آخر (نسخة احتياطية أو نسخة)، فانقل {wal} بعيدًا وافتحه مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="553" />
        <source>{name} removing {links}</source>
        <translation>إزالة {name} للروابط {links}</translation>
    </message>
    <message>
        <location filename="../../store/core/claims.py" line="174" />
        <source>{name} reviewed this claim since; going back would set their review aside.</source>
        <translation>راجع {name} هذا الادعاء منذ ذلك الحين؛ والرجوع سيُسقط مراجعته.</translation>
    </message>
    <message>
        <location filename="../../store/core/appearances.py" line="474" />
        <source>{name} tagged these words: which words the claim holds is theirs to change (a review can say so).</source>
        <translation>وسم {name} هذه الكلمات: تغيير الكلمات التي يحملها الادعاء أمر يعود إليه (والمراجعة تستطيع أن تقول ذلك).</translation>
    </message>
    <message>
        <location filename="../../store/core/paths.py" line="133" />
        <source>{name} was kept, not removed: another window or program has it open.</source>
        <translation>أُبقي على {name} ولم يُحذف: نافذة أو برنامج آخر يفتحه.</translation>
    </message>
    <message>
        <location filename="../../store/core/paths.py" line="123" />
        <source>{name} was kept, not removed: another window or program wrote in it meanwhile.</source>
        <translation>أُبقي على {name} ولم يُحذف: كتبت فيه نافذة أو برنامج آخر في أثناء ذلك.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1522" />
        <source>{name} was moved or renamed to {place} while it was open: go on there (open it).</source>
        <translation>نُقل {name} أو غُيّر اسمه إلى {place} وهو مفتوح: تابع العمل هناك (افتحه).</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1526" />
        <source>{name} was moved or renamed to {place} while it was open: the window goes on there once the work under way ends; do this again then.</source>
        <translation>نُقل {name} أو غُيّر اسمه إلى {place} وهو مفتوح: ستتابع النافذة العمل هناك حين ينتهي العمل الجاري؛ أعد هذا حينئذٍ.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1419" />
        <source>{name} was moved, renamed or deleted while it was open, so this cannot be done on it: save a copy of the project first (Save a Copy…, in the message that said so) and go on in the copy.</source>
        <translation>نُقل {name} أو غُيّر اسمه أو حُذف وهو مفتوح، فلا يمكن فعل هذا به: احفظ نسخة من المشروع أولًا («احفظ نسخة…» في الرسالة التي نبّهت إلى ذلك) وتابع العمل في النسخة.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1548" />
        <source>{name} was moved, renamed or replaced by another file while this was being done, so nothing more was written into it; what was done before is kept: do the rest again where the work now is.</source>
        <translation>نُقل {name} أو غُيّر اسمه أو استُبدل بملف آخر أثناء هذا العمل، فلم يُكتب فيه شيء بعد ذلك؛ ما أُنجز قبله محفوظ: أعد الباقي حيث صار العمل الآن.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/csv_format.py" line="251" />
        <source>{name} was not imported, nothing changed: {problems}.</source>
        <translation>لم يُستورد {name} ولم يتغيّر شيء: {problems}.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="564" />
        <source>{name} was not used: it holds no details (an object with title, outlet, url…)</source>
        <translation>لم يُستخدم {name}: لا يحوي تفاصيل (كائنًا فيه title وoutlet وurl…)</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="562" />
        <source>{name} was not used: it is not JSON</source>
        <translation>لم يُستخدم {name}: ليس JSON صالحًا</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="560" />
        <source>{name} was not used: it is not UTF-8</source>
        <translation>لم يُستخدم {name}: ليس بترميز UTF-8</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1512" />
        <source>{name} was replaced by another file while it was open, so nothing more is saved through this window: go on in {copy}, where its work was kept.</source>
        <translation>استُبدل {name} بملف آخر وهو مفتوح، فلا يُحفظ شيء بعد الآن من خلال هذه النافذة: تابع العمل في {copy}، حيث حُفظ عملها.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1517" />
        <source>{name} was replaced by another file while it was open, so nothing more is saved through this window: save a copy of the project elsewhere (File ▸ Back Up Project…) and go on there.</source>
        <translation>استُبدل {name} بملف آخر وهو مفتوح، فلا يُحفظ شيء بعد الآن من خلال هذه النافذة: احفظ نسخة من المشروع في مكان آخر (ملف ◂ نسخ احتياطي للمشروع…) وتابع العمل فيها.</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="240" />
        <source>{name} was written by a newer version of Tahqiq (schema {version}; this version reads up to {supported}). Please update Tahqiq to open it.</source>
        <translation>كُتب {name} بإصدار أحدث من تحقيق (المخطط {version}؛ وهذا الإصدار يقرأ حتى {supported}). حدّث تحقيق لفتحه.</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="551" />
        <source>{name}'s links {links}</source>
        <translation>روابط {name} {links}</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="547" />
        <source>{name}'s note “{note}”</source>
        <translation>ملاحظة {name} «{note}»</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="543" />
        <source>{name}'s verdict {label}</source>
        <translation>حكم {name} «{label}»</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="947" />
        <source>{path} does not exist.</source>
        <translation>{path} غير موجود.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/safe_write.py" line="74" />
        <source>{path} is a database (a Tahqiq project?): an export never replaces one. Choose another file name.</source>
        <translation>{path} قاعدة بيانات (مشروع تحقيق؟): لا يحلّ تصدير محلّها أبدًا. اختر اسم ملف آخر.</translation>
    </message>
    <message>
        <location filename="../../store/cli/commands.py" line="196" />
        <source>{path} is empty: no project in it yet (`tahqiq import` makes one).</source>
        <translation>الملف {path} فارغ: لا مشروع فيه بعد (`tahqiq import` ينشئ مشروعًا).</translation>
    </message>
    <message>
        <location filename="../../store/core/project.py" line="1711" />
        <source>{path} is there already: the copy is written to a new file.</source>
        <translation>{path} موجود من قبل: تُكتب النسخة في ملف جديد.</translation>
    </message>
    <message>
        <location filename="../../store/exchange/importing.py" line="1215" />
        <source>{reason} Not imported: {names}.</source>
        <translation>{reason} لم يُستورد: {names}.</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="321" />
        <source>{verdict}: {comment}</source>
        <translation>{verdict}: {comment}</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="395" />
        <source>“{quote}” joined this claim</source>
        <translation>انضم «{quote}» إلى هذا الادعاء</translation>
    </message>
    <message>
        <location filename="../../store/review/story.py" line="256" />
        <source>“{quote}” moved to another claim</source>
        <translation>نُقل «{quote}» إلى ادعاء آخر</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../gui/settings.py" line="52"/>
        <source>Your name could not be saved in %1. It is used until Tahqiq is closed; the next start asks for it again.</source>
        <translation>تعذّر حفظ اسمك في %1. يُستعمل حتى يُغلق «تحقيق»، ويُسأل عنه من جديد في التشغيل التالي.</translation>
    </message>
    <message>
        <location filename="../../gui/settings.py" line="49"/>
        <source>Your settings could not be saved in %1: the review comments not yet filed, where each project was left, the recent projects and the window&apos;s layout are kept only until Tahqiq is closed.</source>
        <translation>تعذّر حفظ إعداداتك في %1: تعليقات المراجعة التي لم تُقدَّم بعد، وموضع العمل في كل مشروع، والمشاريع الأخيرة، وترتيب النافذة تبقى حتى يُغلق «تحقيق» فقط.</translation>
    </message>
</context>
<context>
    <name>uncaught</name>
    <message>
        <location filename="../../gui/uncaught.py" line="45"/>
        <source>Something went wrong: %1. What was saved before is kept.</source>
        <translation>حدث خطأ: %1. ما حُفظ من قبل باقٍ.</translation>
    </message>
</context>
</TS>
