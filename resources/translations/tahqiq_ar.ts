<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../gui/review_panels.py" line="240" />
        <source>Agreement — %s</source>
        <translation>الاتفاق — %s</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="243" />
        <source>Agreement report</source>
        <translation>تقرير الاتفاق</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message numerus="yes">
        <location filename="../../gui/models.py" line="75" />
        <source>%n claim(s)</source>
        <translation><numerusform>%n ادعاء</numerusform><numerusform>%n ادعاء</numerusform><numerusform>%n ادعاء</numerusform><numerusform>%n ادعاء</numerusform><numerusform>%n ادعاء</numerusform><numerusform>%n ادعاء</numerusform></translation>
    </message>
</context>
<context>
    <name>ArticlePropertiesDialog</name>
    <message>
        <location filename="../../gui/article_dialogs.py" line="29" />
        <source>Article Properties</source>
        <translation>خصائص المقال</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="31" />
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="31" />
        <source>Outlet</source>
        <translation>الناشر</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="31" />
        <source>URL</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="32" />
        <source>Published (YYYY-MM-DD)</source>
        <translation>تاريخ النشر (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="33" />
        <source>Language (e.g. ar, en)</source>
        <translation>اللغة (مثل ar أو en)</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="44" />
        <source>Encoding: %1 · Source: %2 · %3 characters</source>
        <translation>الترميز: %1 · المصدر: %2 · %3 حرفًا</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="48" />
        <source>Import details</source>
        <translation>تفاصيل الاستيراد</translation>
    </message>
</context>
<context>
    <name>ClaimEditor</name>
    <message>
        <location filename="../../gui/claim_editor.py" line="44" />
        <source>Quoted claim</source>
        <translation>نص الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="47" />
        <location filename="../../gui/claim_editor.py" line="104" />
        <source>Verdict</source>
        <translation>الحكم</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="50" />
        <location filename="../../gui/claim_editor.py" line="105" />
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="51" />
        <source>Why this verdict? What did you check?</source>
        <translation>لماذا هذا الحكم؟ ماذا تحققت؟</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="56" />
        <source>Source links</source>
        <translation>روابط المصادر</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="61" />
        <source>New source link</source>
        <translation>رابط مصدر جديد</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="64" />
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="65" />
        <source>Add source link</source>
        <translation>إضافة رابط مصدر</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="66" />
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="67" />
        <source>Remove selected source link</source>
        <translation>إزالة رابط المصدر المحدد</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="72" />
        <source>Problem with the claim</source>
        <translation>مشكلة في الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="73" />
        <source>Delete Claim</source>
        <translation>حذف الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="75" />
        <source>Delete this claim</source>
        <translation>حذف هذا الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="78" />
        <source>Review comment</source>
        <translation>تعليق المراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="79" />
        <source>Optional comment for your review…</source>
        <translation>تعليق اختياري على مراجعتك…</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="80" />
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="82" />
        <source>Accept this claim's verdict</source>
        <translation>قبول حكم هذا الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="83" />
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="85" />
        <source>Reject this claim's verdict</source>
        <translation>رفض حكم هذا الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="89" />
        <source>Reviews of this claim</source>
        <translation>مراجعات هذا الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="92" />
        <source>History of this claim</source>
        <translation>سجل هذا الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="97" />
        <source>Who tagged this claim and when</source>
        <translation>من وسم هذا الادعاء ومتى</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="106" />
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="112" />
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="114" />
        <source>History</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="171" />
        <source>Select a claim, or select words in the article and press a verdict's key to tag them.</source>
        <translation>حدّد ادعاءً، أو حدّد كلمات في المقال واضغط مفتاح الحكم لوسمها.</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="185" />
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../gui/claim_editor.py" line="190" />
        <source>Not reviewed yet.</source>
        <translation>لم يُراجع بعد.</translation>
    </message>
</context>
<context>
    <name>ClaimsTableModel</name>
    <message>
        <location filename="../../gui/models.py" line="105" />
        <source>Quote</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="105" />
        <source>Verdict</source>
        <translation>الحكم</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="105" />
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="106" />
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="106" />
        <source>Annotator</source>
        <translation>المدقق</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="106" />
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="107" />
        <source>Last change</source>
        <translation>آخر تعديل</translation>
    </message>
</context>
<context>
    <name>DisagreementsModel</name>
    <message>
        <location filename="../../gui/review_panels.py" line="120" />
        <source>Words</source>
        <translation>الكلمات</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="120" />
        <source>First</source>
        <translation>الأول</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="120" />
        <source>Second</source>
        <translation>الثاني</translation>
    </message>
</context>
<context>
    <name>DisagreementsPanel</name>
    <message>
        <location filename="../../gui/review_panels.py" line="169" />
        <source>Disagreements between annotators</source>
        <translation>الخلافات بين المدققين</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="174" />
        <source>Disagreement columns</source>
        <translation>أعمدة الخلافات</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="176" />
        <source>Adopt First Verdict</source>
        <translation>اعتماد الحكم الأول</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="178" />
        <source>Give both claims the first verdict</source>
        <translation>إعطاء الادعاءين الحكم الأول</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="179" />
        <source>Adopt Second Verdict</source>
        <translation>اعتماد الحكم الثاني</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="181" />
        <source>Give both claims the second verdict</source>
        <translation>إعطاء الادعاءين الحكم الثاني</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="182" />
        <source>No disagreements in this article.</source>
        <translation>لا خلافات في هذا المقال.</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="229" />
        <location filename="../../gui/review_panels.py" line="231" />
        <source>Adopt %s</source>
        <translation>اعتماد «%s»</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/exchange.py" line="25" />
        <source>CSV for spreadsheets</source>
        <translation>CSV لجداول البيانات</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="26" />
        <source>Whole project as JSON</source>
        <translation>المشروع كاملًا بصيغة JSON</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="27" />
        <source>W3C Web Annotation (JSON-LD)</source>
        <translation>تعليقات الويب W3C ‏(JSON-LD)</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="28" />
        <source>schema.org ClaimReview (JSON-LD)</source>
        <translation>ClaimReview من schema.org ‏(JSON-LD)</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="39" />
        <source>Export Claims</source>
        <translation>تصدير الادعاءات</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="42" />
        <source>Export format</source>
        <translation>صيغة التصدير</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="45" />
        <source>Current article: %s</source>
        <translation>المقال الحالي: %s</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="46" />
        <source>Export the current article</source>
        <translation>تصدير المقال الحالي</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="47" />
        <source>Whole project</source>
        <translation>المشروع كاملًا</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="48" />
        <source>Export the whole project</source>
        <translation>تصدير المشروع كاملًا</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="56" />
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="60" />
        <source>Claims of</source>
        <translation>ادعاءات</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/find_bar.py" line="32" />
        <source>Find in article</source>
        <translation>بحث في المقال</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="33" />
        <source>Find in article (ignores harakat, hamza forms, ة/ه, digits)…</source>
        <translation>بحث في المقال (يتجاهل الحركات وصور الهمزة و ة/ه والأرقام)…</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="38" />
        <source>Matches found</source>
        <translation>النتائج</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="39" />
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="40" />
        <source>Previous match</source>
        <translation>النتيجة السابقة</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="41" />
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="42" />
        <source>Next match</source>
        <translation>النتيجة التالية</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="43" />
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="44" />
        <source>Close the find bar</source>
        <translation>إغلاق شريط البحث</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="124" />
        <source>No matches</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="126" />
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="94" />
        <source>Verdict Labels</source>
        <translation>تصنيفات الأحكام</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="98" />
        <source>Verdict labels</source>
        <translation>تصنيفات الأحكام</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="100" />
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="100" />
        <source>English name</source>
        <translation>الاسم الإنجليزي</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="100" />
        <source>Arabic name</source>
        <translation>الاسم العربي</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="100" />
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="101" />
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="101" />
        <source>Rating</source>
        <translation>التقييم</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="101" />
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="103" />
        <source>Add Label…</source>
        <translation>إضافة تصنيف…</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="105" />
        <source>Add a verdict label</source>
        <translation>إضافة تصنيف حكم</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <location filename="../../gui/review_panels.py" line="56" />
        <source>Annotators: tick to show their claims</source>
        <translation>المدققون: حدّد لإظهار ادعاءاتهم</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="57" />
        <source>Mine Only</source>
        <translation>ادعاءاتي فقط</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="59" />
        <source>Show only my claims</source>
        <translation>إظهار ادعاءاتي فقط</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="60" />
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="62" />
        <source>Show everyone's claims</source>
        <translation>إظهار ادعاءات الجميع</translation>
    </message>
    <message>
        <location filename="../../gui/review_panels.py" line="80" />
        <source> (you)</source>
        <translation> (أنت)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/mainwindow.py" line="111" />
        <source>Article text</source>
        <translation>نص المقال</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="113" />
        <source>The article being checked. Select words and press a verdict key to tag.</source>
        <translation>المقال قيد التحقق. حدّد كلمات واضغط مفتاح حكم لوسمها.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="116" />
        <source>Article title and details</source>
        <translation>عنوان المقال وتفاصيله</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="121" />
        <source>Verdict colours</source>
        <translation>ألوان الأحكام</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="136" />
        <source>Articles in this project</source>
        <translation>المقالات في هذا المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="140" />
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="145" />
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="158" />
        <source>Claims in this article</source>
        <translation>الادعاءات في هذا المقال</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="167" />
        <source>Claim columns; click to sort</source>
        <translation>أعمدة الادعاءات؛ انقر للترتيب</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="177" />
        <source>Filter claims</source>
        <translation>تصفية الادعاءات</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="178" />
        <source>Filter claims…</source>
        <translation>تصفية الادعاءات…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="182" />
        <source>Show claims with this verdict</source>
        <translation>إظهار الادعاءات بهذا الحكم</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="197" />
        <source>Claims</source>
        <translation>الادعاءات</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="205" />
        <source>Who is tagging</source>
        <translation>من يدقق</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="227" />
        <source>&amp;New Project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="229" />
        <source>&amp;Open Project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="231" />
        <source>&amp;Import Article…</source>
        <translation>استيراد م&amp;قال…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="233" />
        <source>Add a text file or saved web page as an article</source>
        <translation>إضافة ملف نصي أو صفحة ويب محفوظة كمقال</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="234" />
        <source>Paste as New &amp;Article</source>
        <translation>لصق كم&amp;قال جديد</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="237" />
        <source>Article &amp;Properties…</source>
        <translation>&amp;خصائص المقال…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="239" />
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="241" />
        <source>Export claims as CSV, JSON, W3C or ClaimReview</source>
        <translation>تصدير الادعاءات بصيغة CSV أو JSON أو W3C أو ClaimReview</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="242" />
        <source>Export Review &amp;Packet…</source>
        <translation>تصدير &amp;ملف المراجعة…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="244" />
        <source>The article with its numbered claims, as PDF or HTML</source>
        <translation>المقال مع ادعاءاته المرقّمة، بصيغة PDF أو HTML</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="246" />
        <source>Import &amp;Claims (CSV)…</source>
        <translation>استيراد ا&amp;دعاءات (CSV)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="248" />
        <source>&amp;Merge Colleague's Project…</source>
        <translation>د&amp;مج مشروع زميل…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="250" />
        <source>&amp;Back Up Project…</source>
        <translation>&amp;نسخ احتياطي للمشروع…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="252" />
        <source>Save a complete copy of this project file</source>
        <translation>حفظ نسخة كاملة من ملف هذا المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="253" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="254" />
        <source>&amp;Undo</source>
        <translation>ت&amp;راجع</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="257" />
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="262" />
        <source>&amp;Delete Claim</source>
        <translation>&amp;حذف الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="264" />
        <source>Edit &amp;Note</source>
        <translation>تعديل ال&amp;ملاحظة</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="266" />
        <source>Write the selected claim's note</source>
        <translation>كتابة ملاحظة الادعاء المحدد</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="267" />
        <source>&amp;Find in Article…</source>
        <translation>&amp;بحث في المقال…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="269" />
        <source>&amp;Search Project…</source>
        <translation>ال&amp;بحث في المشروع…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="271" />
        <source>&amp;Next Claim</source>
        <translation>الادعاء ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="273" />
        <source>&amp;Previous Claim</source>
        <translation>الادعاء ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="275" />
        <source>Zoom &amp;In</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="278" />
        <source>Zoom &amp;Out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="280" />
        <source>&amp;Labels…</source>
        <translation>التص&amp;نيفات…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="281" />
        <source>&amp;Preferences…</source>
        <translation>ال&amp;تفضيلات…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="285" />
        <source>&amp;Keyboard Shortcuts</source>
        <translation>ا&amp;ختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="287" />
        <source>Verdicts</source>
        <translation>الأحكام</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="289" />
        <source>Verdict toolbar</source>
        <translation>شريط الأحكام</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="309" />
        <source>Tag the selection, or the selected claim, as %s</source>
        <translation>وسم التحديد، أو الادعاء المحدد، بـ«%s»</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="333" />
        <source>Verdict %s</source>
        <translation>الحكم %s</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="342" />
        <source>All verdicts</source>
        <translation>كل الأحكام</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="351" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="353" />
        <source>Open &amp;Recent</source>
        <translation>المشاريع الأ&amp;خيرة</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="363" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="374" />
        <source>&amp;Tag</source>
        <translation>&amp;وسم</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="376" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="383" />
        <source>&amp;Project</source>
        <translation>الم&amp;شروع</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="386" />
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="512" />
        <source>Select words in the article first, then choose a verdict.</source>
        <translation>حدّد كلمات في المقال أولًا، ثم اختر حكمًا.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="591" />
        <source>Import Article</source>
        <translation>استيراد مقال</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="592" />
        <source>Articles (*.txt *.html *.htm *.xhtml);;All files (*)</source>
        <translation>المقالات (*.txt *.html *.htm *.xhtml);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="611" />
        <source>Imported «%s» (%s).</source>
        <translation>استُورد «%s» (%s).</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="613" />
        <source>«%s» is already in this project.</source>
        <translation>«%s» موجود في هذا المشروع مسبقًا.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="625" />
        <source>The clipboard holds no text.</source>
        <translation>لا يوجد نص في الحافظة.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="668" />
        <source>Back Up Project</source>
        <translation>نسخ احتياطي للمشروع</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="680" />
        <source>Backed up to %s</source>
        <translation>نُسخ احتياطيًا إلى %s</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="684" />
        <source>New Project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="669" />
        <location filename="../../gui/mainwindow.py" line="685" />
        <source>Tahqiq projects (*.tahqiq)</source>
        <translation>مشاريع تحقيق (*.tahqiq)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="692" />
        <source>Open Project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="693" />
        <source>Tahqiq projects (*.tahqiq);;All files (*)</source>
        <translation>مشاريع تحقيق (*.tahqiq);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="744" />
        <source>Select text in the article</source>
        <translation>تحديد نص في المقال</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="744" />
        <source>Shift+Arrow keys</source>
        <translation>Shift+مفاتيح الأسهم</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="745" />
        <source>Extend the selection by a word</source>
        <translation>توسيع التحديد بكلمة</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="745" />
        <source>Ctrl+Shift+Left/Right</source>
        <translation>Ctrl+Shift+يسار/يمين</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="746" />
        <source>Extend the selection to the line's end</source>
        <translation>توسيع التحديد إلى نهاية السطر</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="746" />
        <source>Shift+Home/End</source>
        <translation>Shift+Home/End</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="747" />
        <source>Move between panels</source>
        <translation>التنقل بين اللوحات</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="747" />
        <source>Tab, Shift+Tab</source>
        <translation>Tab، Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="748" />
        <source>Next / previous match in Find</source>
        <translation>النتيجة التالية / السابقة في البحث</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="748" />
        <source>Enter, Shift+Enter</source>
        <translation>Enter، Shift+Enter</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="764" />
        <source>(in memory)</source>
        <translation>(في الذاكرة)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="765" />
        <source> [read-only]</source>
        <translation> [للقراءة فقط]</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="767" />
        <source>Tagging as: %s</source>
        <translation>المدقق: %s</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="768" />
        <source> · read-only</source>
        <translation> · للقراءة فقط</translation>
    </message>
</context>
<context>
    <name>NewLabelDialog</name>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="180" />
        <source>New Label</source>
        <translation>تصنيف جديد</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="182" />
        <location filename="../../gui/settings_dialogs.py" line="198" />
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="185" />
        <location filename="../../gui/settings_dialogs.py" line="199" />
        <source>English name</source>
        <translation>الاسم الإنجليزي</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="187" />
        <location filename="../../gui/settings_dialogs.py" line="200" />
        <source>Arabic name</source>
        <translation>الاسم العربي</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="189" />
        <location filename="../../gui/settings_dialogs.py" line="202" />
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="191" />
        <location filename="../../gui/settings_dialogs.py" line="203" />
        <source>Rating</source>
        <translation>التقييم</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="195" />
        <location filename="../../gui/settings_dialogs.py" line="201" />
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
</context>
<context>
    <name>PdfRepairDialog</name>
    <message>
        <location filename="../../gui/article_dialogs.py" line="73" />
        <source>Repair Text Copied from a PDF?</source>
        <translation>إصلاح نص منسوخ من ملف PDF؟</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="75" />
        <source>This text looks like Arabic copied out of a PDF: its letters are in presentation forms and in visual order. Tahqiq can turn it back into ordinary Arabic text.</source>
        <translation>يبدو أن هذا النص عربي منسوخ من ملف PDF: حروفه بأشكال العرض وبالترتيب المرئي. يستطيع تحقيق إعادته نصًا عربيًا عاديًا.</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="79" />
        <source>As pasted</source>
        <translation>كما لُصق</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="80" />
        <source>Repaired</source>
        <translation>بعد الإصلاح</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="90" />
        <source>Repair</source>
        <translation>إصلاح</translation>
    </message>
    <message>
        <location filename="../../gui/article_dialogs.py" line="91" />
        <source>Keep as Pasted</source>
        <translation>إبقاؤه كما لُصق</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="35" />
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="38" />
        <source>Your name, recorded on your claims</source>
        <translation>اسمك، يُسجَّل على ادعاءاتك</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="41" />
        <location filename="../../gui/settings_dialogs.py" line="51" />
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="50" />
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <location filename="../../gui/dialogs.py" line="30" />
        <source>Who is tagging?</source>
        <translation>من يدقق؟</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="31" />
        <source>Your name is recorded on every claim and change you make:</source>
        <translation>يُسجَّل اسمك على كل ادعاء وتعديل تقوم به:</translation>
    </message>
</context>
<context>
    <name>ReviewTools</name>
    <message>
        <location filename="../../gui/review_tools.py" line="30" />
        <source>Annotators</source>
        <translation>المدققون</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="32" />
        <source>Disagreements</source>
        <translation>الخلافات</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="36" />
        <source>Not yet reviewed</source>
        <translation>لم يُراجع بعد</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="38" />
        <source>Show only claims not yet reviewed</source>
        <translation>إظهار الادعاءات غير المراجعة فقط</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="41" />
        <source>&amp;Accept Claim</source>
        <translation>&amp;قبول الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="43" />
        <source>Accept the selected claim's verdict</source>
        <translation>قبول حكم الادعاء المحدد</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="44" />
        <source>&amp;Reject Claim</source>
        <translation>&amp;رفض الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="46" />
        <source>Reject the selected claim's verdict</source>
        <translation>رفض حكم الادعاء المحدد</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="47" />
        <source>A&amp;greement…</source>
        <translation>الا&amp;تفاق…</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="49" />
        <source>&amp;Review</source>
        <translation>المرا&amp;جعة</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="117" />
        <source>Select a claim to review first.</source>
        <translation>حدّد ادعاءً لمراجعته أولًا.</translation>
    </message>
    <message>
        <location filename="../../gui/review_tools.py" line="134" />
        <source>project</source>
        <translation>المشروع</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../gui/search_panel.py" line="37" />
        <source>Search the project</source>
        <translation>البحث في المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="38" />
        <source>Search articles, quotes and notes…</source>
        <translation>ابحث في المقالات والادعاءات والملاحظات…</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="42" />
        <source>Search results count</source>
        <translation>عدد نتائج البحث</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="45" />
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="72" />
        <source>text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="72" />
        <source>claim</source>
        <translation>ادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="72" />
        <source>note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../gui/search_panel.py" line="85" />
        <source>No matches</source>
        <translation>لا نتائج</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/search_panel.py" line="87" />
        <source>%n match(es)</source>
        <translation><numerusform>%n نتيجة</numerusform><numerusform>%n نتيجة</numerusform><numerusform>%n نتيجة</numerusform><numerusform>%n نتيجة</numerusform><numerusform>%n نتيجة</numerusform><numerusform>%n نتيجة</numerusform></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="64" />
        <source>Keyboard Shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="67" />
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="68" />
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="68" />
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialogs.py" line="69" />
        <source>Shortcut columns</source>
        <translation>أعمدة الاختصارات</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../gui/tasks.py" line="67" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <location filename="../../gui/commands.py" line="56" />
        <source>Tag as %s</source>
        <translation>وسم بـ«%s»</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="82" />
        <source>Mark as %s</source>
        <translation>وسم بـ«%s»</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="84" />
        <source>Edit note</source>
        <translation>تعديل الملاحظة</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="86" />
        <source>Edit sources</source>
        <translation>تعديل المصادر</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="88" />
        <source>Edit claim</source>
        <translation>تعديل الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="103" />
        <source>Delete claim</source>
        <translation>حذف الادعاء</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../gui/exchange.py" line="85" />
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="87" />
        <source>Exported to %s</source>
        <translation>صُدّر إلى %s</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="101" />
        <source>Export Claims</source>
        <translation>تصدير الادعاءات</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="122" />
        <source>Merged %s</source>
        <translation>دُمج %s</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="131" />
        <source>Merge Colleague's Project</source>
        <translation>دمج مشروع زميل</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="132" />
        <source>Tahqiq projects (*.tahqiq);;Tahqiq CSV (*.csv);;All files (*)</source>
        <translation>مشاريع تحقيق (*.tahqiq);;ملف CSV من تحقيق (*.csv);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="134" />
        <source>Merging…</source>
        <translation>جارٍ الدمج…</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="139" />
        <source>Import Claims</source>
        <translation>استيراد ادعاءات</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="139" />
        <source>Tahqiq CSV (*.csv)</source>
        <translation>ملف CSV من تحقيق (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="141" />
        <source>Importing claims…</source>
        <translation>جارٍ استيراد الادعاءات…</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="150" />
        <source>Export Review Packet</source>
        <translation>تصدير ملف المراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="151" />
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="167" />
        <source>Review packet saved to %s</source>
        <translation>حُفظ ملف المراجعة في %s</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="202" />
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="236" />
        <source>Reading…</source>
        <translation>جارٍ القراءة…</translation>
    </message>
</context>
</TS>