<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../image_list.py" line="56"/>
        <location filename="../image_list.py" line="58"/>
        <source>Error: {0}</source>
        <translation>Fehler: {0}</translation>
    </message>
    <message>
        <location filename="../image_list.py" line="60"/>
        <source>exported ({0} files)</source>
        <translation>exportiert ({0} Dateien)</translation>
    </message>
    <message>
        <location filename="../image_list.py" line="62"/>
        <source>exported</source>
        <translation>exportiert</translation>
    </message>
    <message>
        <location filename="../image_list.py" line="65"/>
        <source>source type</source>
        <translation>Art der Entstehung</translation>
    </message>
    <message>
        <location filename="../image_list.py" line="65"/>
        <source>AI system</source>
        <translation>KI-System</translation>
    </message>
    <message>
        <location filename="../image_list.py" line="66"/>
        <source>Details missing: {0}</source>
        <translation>Angaben fehlen: {0}</translation>
    </message>
    <message>
        <location filename="../image_list.py" line="68"/>
        <source>loading …</source>
        <translation>wird geladen …</translation>
    </message>
    <message>
        <location filename="../image_list.py" line="69"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../image_list.py" line="246"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../menus.py" line="31"/>
        <source>Open image files (Ctrl+O)</source>
        <translation>Bilddateien öffnen (Strg+O)</translation>
    </message>
    <message>
        <location filename="../menus.py" line="37"/>
        <source>Open every image in a folder</source>
        <translation>Alle Bilder eines Ordners öffnen</translation>
    </message>
    <message>
        <location filename="../menus.py" line="60"/>
        <source>&amp;Check files …</source>
        <translation>&amp;Prüfen …</translation>
    </message>
    <message>
        <location filename="../menus.py" line="67"/>
        <source>Check &amp;folder …</source>
        <translation>&amp;Ordner prüfen …</translation>
    </message>
    <message>
        <location filename="../menus.py" line="74"/>
        <source>Relabel &amp;PDF …</source>
        <translation>PDF &amp;nachkennzeichnen …</translation>
    </message>
    <message>
        <location filename="../menus.py" line="79"/>
        <source>&amp;Register …</source>
        <translation>&amp;Register …</translation>
    </message>
    <message>
        <location filename="../menus.py" line="80"/>
        <source>Create image cre&amp;dits …</source>
        <translation>&amp;Bildnachweis erstellen …</translation>
    </message>
    <message>
        <location filename="../menus.py" line="81"/>
        <source>Si&amp;gning identity …</source>
        <translation>Si&amp;gnatur-Identität …</translation>
    </message>
    <message>
        <location filename="../menus.py" line="82"/>
        <source>&amp;Settings …</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location filename="../menus.py" line="134"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../menus.py" line="31"/>
        <source>&amp;Open images …</source>
        <translation>&amp;Bilder öffnen …</translation>
    </message>
    <message>
        <location filename="../menus.py" line="34"/>
        <source>Open &amp;folder …</source>
        <translation>&amp;Ordner öffnen …</translation>
    </message>
    <message>
        <location filename="../menus.py" line="39"/>
        <source>Load sample i&amp;mages</source>
        <translation>Beispielbilder &amp;laden</translation>
    </message>
    <message>
        <location filename="../menus.py" line="40"/>
        <source>Open &amp;job …</source>
        <translation>Auftrag ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../menus.py" line="41"/>
        <source>&amp;Save job</source>
        <translation>Auftrag &amp;speichern</translation>
    </message>
    <message>
        <location filename="../menus.py" line="42"/>
        <source>Save job &amp;as …</source>
        <translation>Auftrag speichern &amp;unter …</translation>
    </message>
    <message>
        <location filename="../menus.py" line="43"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../menus.py" line="44"/>
        <source>&amp;Cancel export</source>
        <translation>Export &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../menus.py" line="45"/>
        <source>&amp;Quit</source>
        <translation>Bee&amp;nden</translation>
    </message>
    <message>
        <location filename="../menus.py" line="46"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../menus.py" line="48"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../menus.py" line="51"/>
        <source>Select &amp;all images</source>
        <translation>&amp;Alle Bilder auswählen</translation>
    </message>
    <message>
        <location filename="../menus.py" line="52"/>
        <source>Re&amp;move from list</source>
        <translation>Aus der Liste &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../menus.py" line="53"/>
        <source>&amp;Next image</source>
        <translation>&amp;Nächstes Bild</translation>
    </message>
    <message>
        <location filename="../menus.py" line="54"/>
        <source>&amp;Previous image</source>
        <translation>&amp;Vorheriges Bild</translation>
    </message>
    <message>
        <location filename="../menus.py" line="55"/>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../menus.py" line="56"/>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../menus.py" line="57"/>
        <source>&amp;Fit to window</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <location filename="../menus.py" line="63"/>
        <source>Show what a file says about its origin and whether its signature is valid</source>
        <translation>Zeigt, was eine Datei über ihre Herkunft sagt und ob ihre Signatur gültig ist</translation>
    </message>
    <message>
        <location filename="../menus.py" line="70"/>
        <source>Find existing images and PDFs that are AI-generated but carry no visible label</source>
        <translation>Vorhandene Bilder und PDFs finden, die KI-generiert sind, aber keine sichtbare Kennzeichnung tragen</translation>
    </message>
    <message>
        <location filename="../menus.py" line="77"/>
        <source>Stamp the label onto AI images placed in a finished brochure or poster PDF</source>
        <translation>Die Kennzeichnung auf KI-Bilder in einem fertigen Broschüren- oder Plakat-PDF stempeln</translation>
    </message>
    <message>
        <location filename="../menus.py" line="83"/>
        <source>&amp;Quick guide</source>
        <translation>&amp;Kurzanleitung</translation>
    </message>
    <message>
        <location filename="../menus.py" line="84"/>
        <source>&amp;About kilabel</source>
        <translation>Ü&amp;ber kilabel</translation>
    </message>
    <message>
        <location filename="../menus.py" line="88"/>
        <source>Stop the running export after the current file (Esc)</source>
        <translation>Laufenden Export nach der aktuellen Datei beenden (Esc)</translation>
    </message>
    <message>
        <location filename="../menus.py" line="91"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../menus.py" line="99"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../menus.py" line="103"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../menus.py" line="107"/>
        <source>E&amp;xtras</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <location filename="../menus.py" line="113"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../menus.py" line="116"/>
        <source>Main toolbar</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="57"/>
        <source>Save as new preset</source>
        <translation>Als neue Vorlage speichern</translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="58"/>
        <source>Name of the new preset:</source>
        <translation>Name der neuen Vorlage:</translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="69"/>
        <source>Cannot save the preset</source>
        <translation>Vorlage kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="73"/>
        <source>Preset saved: {0}</source>
        <translation>Vorlage gespeichert: {0}</translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="77"/>
        <source>Import preset</source>
        <translation>Vorlage importieren</translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="77"/>
        <location filename="../preset_files.py" line="93"/>
        <source>Label presets (*.toml)</source>
        <translation>Vorlagen (*.toml)</translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="84"/>
        <source>Cannot import the preset</source>
        <translation>Vorlage kann nicht importiert werden</translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="88"/>
        <source>Preset imported: {0}</source>
        <translation>Vorlage importiert: {0}</translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="93"/>
        <source>Export preset</source>
        <translation>Vorlage exportieren</translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="102"/>
        <source>Cannot export the preset</source>
        <translation>Vorlage kann nicht exportiert werden</translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="104"/>
        <source>Preset written to {0}</source>
        <translation>Vorlage geschrieben nach {0}</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../about.py" line="78"/>
        <source>All licence texts</source>
        <translation>Alle Lizenztexte</translation>
    </message>
    <message>
        <location filename="../about.py" line="80"/>
        <source>Visible AI labels and signed provenance (IPTC/XMP, EXIF, C2PA) for AI-generated images.</source>
        <translation>Sichtbare KI-Kennzeichnung und signierte Herkunftsangaben (IPTC/XMP, EXIF, C2PA) für KI-generierte Bilder.</translation>
    </message>
    <message>
        <location filename="../about.py" line="82"/>
        <source>Source code</source>
        <translation>Quellcode</translation>
    </message>
    <message>
        <location filename="../about.py" line="83"/>
        <source>Licences of the parts that ship with kilabel</source>
        <translation>Lizenzen der mitgelieferten Bestandteile</translation>
    </message>
    <message>
        <location filename="../about.py" line="84"/>
        <source>Qt is linked dynamically; you may replace its libraries.</source>
        <translation>Qt ist dynamisch gelinkt; Sie dürfen seine Bibliotheken ersetzen.</translation>
    </message>
    <message>
        <location filename="../about.py" line="85"/>
        <source>Source</source>
        <translation>Quellcode</translation>
    </message>
    <message>
        <location filename="../about.py" line="86"/>
        <source>CMYK profile kilabel-FOGRA39</source>
        <translation>CMYK-Profil kilabel-FOGRA39</translation>
    </message>
    <message>
        <location filename="../about.py" line="87"/>
        <source>public domain</source>
        <translation>gemeinfrei</translation>
    </message>
    <message>
        <location filename="../about.py" line="88"/>
        <source>with</source>
        <translation>mit</translation>
    </message>
    <message>
        <location filename="../about.py" line="89"/>
        <source>Sample images and icons</source>
        <translation>Beispielbilder und Symbole</translation>
    </message>
    <message>
        <location filename="../about.py" line="109"/>
        <source>About kilabel</source>
        <translation>Über kilabel</translation>
    </message>
</context>
<context>
    <name>CheckView</name>
    <message>
        <location filename="../check_dialog.py" line="47"/>
        <location filename="../check_dialog.py" line="87"/>
        <source>Check files</source>
        <translation>Dateien prüfen</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="49"/>
        <source>← Back to the images</source>
        <translation>← Zurück zu den Bildern</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="53"/>
        <source>Open or drop any image to see whether it is labelled as AI-generated, what it says about its origin and whether its signature is valid.</source>
        <translation>Öffnen Sie ein Bild oder ziehen Sie es hierher: Sie sehen, ob es als KI-generiert gekennzeichnet ist, was es über seine Herkunft sagt und ob seine Signatur gültig ist.</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="58"/>
        <source>Open files …</source>
        <translation>Dateien öffnen …</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="60"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="89"/>
        <source>Images and PDFs (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.pdf);;All files (*)</source>
        <translation>Bilder und PDFs (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.pdf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="104"/>
        <location filename="../check_dialog.py" line="109"/>
        <source>Checking …</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="121"/>
        <source>No file checked yet.</source>
        <translation>Noch keine Datei geprüft.</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="146"/>
        <source>How it was made</source>
        <translation>Art der Entstehung</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="147"/>
        <source>AI system</source>
        <translation>KI-System</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="148"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="149"/>
        <source>Prompt by</source>
        <translation>Prompt von</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="150"/>
        <source>Creator</source>
        <translation>Urheber</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="151"/>
        <source>Image credit</source>
        <translation>Bildnachweis</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="152"/>
        <source>Visible label</source>
        <translation>Sichtbare Kennzeichnung</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="153"/>
        <source>Register id</source>
        <translation>Register-ID</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="154"/>
        <source>Signed by</source>
        <translation>Signiert von</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="155"/>
        <source>Signed with</source>
        <translation>Signiert mit</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="157"/>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="158"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="160"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="168"/>
        <source>Technical details</source>
        <translation>Technische Details</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <location filename="../label_panel.py" line="51"/>
        <source>Choose colour</source>
        <translation>Farbe wählen</translation>
    </message>
</context>
<context>
    <name>CreditsDialog</name>
    <message>
        <location filename="../credits_view.py" line="49"/>
        <source>Image credits</source>
        <translation>Bildnachweis</translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="52"/>
        <source>(selection)</source>
        <translation>(Auswahl)</translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="52"/>
        <source>(all)</source>
        <translation>(alle)</translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="59"/>
        <source>Plain text (layout program)</source>
        <translation>Reiner Text (Layoutprogramm)</translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="70"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="71"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="72"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="73"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="73"/>
        <source>Save …</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="111"/>
        <source>Save image credits</source>
        <translation>Bildnachweis speichern</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../empty_state.py" line="37"/>
        <source>Drop AI-generated images or a folder here to label them.</source>
        <translation>KI-generierte Bilder oder einen Ordner hierher ziehen, um sie zu kennzeichnen.</translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="41"/>
        <source>Open images …</source>
        <translation>Bilder öffnen …</translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="42"/>
        <source>Open folder …</source>
        <translation>Ordner öffnen …</translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="47"/>
        <source>Load sample images</source>
        <translation>Beispielbilder laden</translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="54"/>
        <source>JPEG, PNG, TIFF or WebP · the originals are never changed</source>
        <translation>JPEG, PNG, TIFF oder WebP · die Originale bleiben unverändert</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../export_controller.py" line="82"/>
        <source>An export is running</source>
        <translation>Ein Export läuft</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="84"/>
        <source>Go back to the images to export them</source>
        <translation>Zum Exportieren zurück zur Bildliste wechseln</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="87"/>
        <source>Open images first</source>
        <translation>Zuerst Bilder öffnen</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="89"/>
        <source>Images are still loading</source>
        <translation>Bilder werden noch geladen</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="93"/>
        <source>Choose the source type (Provenance) for: {0}</source>
        <translation>Art der Entstehung (Herkunft) fehlt bei: {0}</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="95"/>
        <source>Tick at least one export profile</source>
        <translation>Mindestens ein Ausgabeprofil ankreuzen</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="104"/>
        <source>AI system missing (Provenance) for: {0}</source>
        <translation>KI-System fehlt (Herkunft) bei: {0}</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="110"/>
        <source>Label, sign and export {0} image(s) (Ctrl+E)</source>
        <translation>{0} Bild(er) kennzeichnen, signieren und exportieren (Strg+E)</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="165"/>
        <source>Preparing the export …</source>
        <translation>Export wird vorbereitet …</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="175"/>
        <source>Cancelling …</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="178"/>
        <source>{0} of {1} exported · {2}</source>
        <translation>{0} von {1} exportiert · {2}</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="193"/>
        <source>{0} of {1} exported</source>
        <translation>{0} von {1} exportiert</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="205"/>
        <source>Export stopped: {0}</source>
        <translation>Export abgebrochen: {0}</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="207"/>
        <source>{0} of {1} files exported to {2}</source>
        <translation>{0} von {1} Dateien exportiert nach {2}</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="209"/>
        <source>{0} failed (see the list)</source>
        <translation>{0} fehlgeschlagen (siehe Liste)</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="212"/>
        <source>{0} NOT recorded in the register (exporting them again records them)</source>
        <translation>{0} NICHT im Register vermerkt (ein erneuter Export vermerkt sie)</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="215"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>Extras</name>
    <message>
        <location filename="../extras.py" line="41"/>
        <source>{0} is not available in this version of kilabel.</source>
        <translation>{0} ist in dieser kilabel-Version nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../extras.py" line="47"/>
        <source>The register</source>
        <translation>Das Register</translation>
    </message>
    <message>
        <location filename="../extras.py" line="55"/>
        <source>Creating image credits</source>
        <translation>Bildnachweis erstellen</translation>
    </message>
</context>
<context>
    <name>FolderCheckDialog</name>
    <message>
        <location filename="../folder_check_view.py" line="131"/>
        <source>Folder …</source>
        <translation>Ordner …</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="133"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="135"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="139"/>
        <source>Choose a folder: every image and PDF below it is checked.</source>
        <translation>Wählen Sie einen Ordner: jedes Bild und PDF darin wird geprüft.</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="146"/>
        <location filename="../folder_check_view.py" line="393"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="147"/>
        <location filename="../folder_check_view.py" line="395"/>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="149"/>
        <location filename="../folder_check_view.py" line="399"/>
        <source>Source type</source>
        <translation>Art der Entstehung</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="150"/>
        <location filename="../folder_check_view.py" line="400"/>
        <source>AI system</source>
        <translation>KI-System</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="148"/>
        <location filename="../folder_check_view.py" line="397"/>
        <source>Provenance</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="121"/>
        <source>Check a folder</source>
        <translation>Ordner prüfen</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="141"/>
        <source>Only files that need attention</source>
        <translation>Nur Dateien, die Aufmerksamkeit brauchen</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="151"/>
        <location filename="../folder_check_view.py" line="402"/>
        <source>Recorded label</source>
        <translation>Vermerkte Kennzeichnung</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="152"/>
        <location filename="../folder_check_view.py" line="403"/>
        <source>Visible label</source>
        <translation>Sichtbare Kennzeichnung</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="153"/>
        <location filename="../folder_check_view.py" line="396"/>
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="178"/>
        <source>Save CSV …</source>
        <translation>CSV speichern …</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="179"/>
        <source>Save JSON …</source>
        <translation>JSON speichern …</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="214"/>
        <source>labelled (according to the metadata, not confirmed)</source>
        <translation>gekennzeichnet (laut Metadaten, nicht bestätigt)</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="216"/>
        <source>labelled</source>
        <translation>gekennzeichnet</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="217"/>
        <source>AI image, no visible label found</source>
        <translation>KI-Bild, keine sichtbare Kennzeichnung gefunden</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="218"/>
        <source>AI image, visible label not checked</source>
        <translation>KI-Bild, sichtbare Kennzeichnung nicht geprüft</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="219"/>
        <source>provenance damaged</source>
        <translation>Herkunftsangaben beschädigt</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="220"/>
        <source>no AI provenance found</source>
        <translation>keine KI-Herkunft gefunden</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="221"/>
        <source>cannot read this file</source>
        <translation>Datei nicht lesbar</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="227"/>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="229"/>
        <source>not checked (%1)</source>
        <translation>nicht geprüft (%1)</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="231"/>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="233"/>
        <source>seen: %1</source>
        <translation>gesehen: %1</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="235"/>
        <source>seen for every AI image</source>
        <translation>bei jedem KI-Bild gesehen</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="237"/>
        <source>text recognition not available</source>
        <translation>Texterkennung nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="244"/>
        <source>register entry %1</source>
        <translation>Registereintrag %1</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="246"/>
        <source>metadata: %1</source>
        <translation>Metadaten: %1</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="248"/>
        <source>C2PA: label added</source>
        <translation>C2PA: Kennzeichnung hinzugefügt</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="279"/>
        <source>Folder to check</source>
        <translation>Zu prüfender Ordner</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="286"/>
        <source>Not a folder: %1</source>
        <translation>Kein Ordner: %1</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="387"/>
        <source>Select a file to see everything the check found.</source>
        <translation>Wählen Sie eine Datei, um alles zu sehen, was die Prüfung gefunden hat.</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="390"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="394"/>
        <source>File type</source>
        <translation>Dateityp</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="398"/>
        <source>Provenance details</source>
        <translation>Einzelheiten zur Herkunft</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="401"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="404"/>
        <source>Placed images</source>
        <translation>Platzierte Bilder</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="405"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="418"/>
        <source>%1 files checked, %2 need attention</source>
        <translation>%1 Dateien geprüft, %2 brauchen Aufmerksamkeit</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="422"/>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="430"/>
        <source>Save results</source>
        <translation>Ergebnisse speichern</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../about.py" line="118"/>
        <source>&lt;b&gt;Open images&lt;/b&gt;: drop files or a folder onto the window, or use Open images (Ctrl+O).</source>
        <translation>&lt;b&gt;Bilder öffnen&lt;/b&gt;: Dateien oder einen Ordner auf das Fenster ziehen oder „Bilder öffnen“ (Strg+O) wählen.</translation>
    </message>
    <message>
        <location filename="../about.py" line="121"/>
        <source>&lt;b&gt;Choose the label&lt;/b&gt;: pick a preset on the right; change wording, size, colours. Drag the label in the preview to another corner, or nudge it with the arrow keys.</source>
        <translation>&lt;b&gt;Kennzeichnung wählen&lt;/b&gt;: rechts eine Vorlage wählen; Text, Größe und Farben anpassen. Die Kennzeichnung in der Vorschau in eine andere Ecke ziehen oder mit den Pfeiltasten verschieben.</translation>
    </message>
    <message>
        <location filename="../about.py" line="125"/>
        <source>&lt;b&gt;Say how each image was made&lt;/b&gt;: select one or several images and fill in Provenance. The source type is required; the AI system is needed for AI images.</source>
        <translation>&lt;b&gt;Angeben, wie jedes Bild entstand&lt;/b&gt;: ein oder mehrere Bilder auswählen und die Herkunft ausfüllen. Die Art der Entstehung ist Pflicht; bei KI-Bildern auch das KI-System.</translation>
    </message>
    <message>
        <location filename="../about.py" line="128"/>
        <source>&lt;b&gt;Choose the output&lt;/b&gt;: tick one or more export profiles and an output folder.</source>
        <translation>&lt;b&gt;Ausgabe wählen&lt;/b&gt;: ein oder mehrere Ausgabeprofile ankreuzen und einen Zielordner wählen.</translation>
    </message>
    <message>
        <location filename="../about.py" line="130"/>
        <source>&lt;b&gt;Export&lt;/b&gt; (Ctrl+E): every file gets the visible label, the metadata and a C2PA signature. The originals are never changed.</source>
        <translation>&lt;b&gt;Exportieren&lt;/b&gt; (Strg+E): jede Datei erhält die sichtbare Kennzeichnung, die Metadaten und eine C2PA-Signatur. Die Originale werden nie verändert.</translation>
    </message>
    <message>
        <location filename="../about.py" line="133"/>
        <source>&lt;b&gt;Check&lt;/b&gt; any file later with Extras → Check files.</source>
        <translation>&lt;b&gt;Prüfen&lt;/b&gt; Sie jede Datei später mit Extras → Dateien prüfen.</translation>
    </message>
    <message>
        <location filename="../about.py" line="136"/>
        <source>Keys: Ctrl+O open · Ctrl+E export · PgDown/PgUp or Alt+↓/↑ next/previous image · Ctrl+Z undo · +/− zoom · Ctrl+0 fit</source>
        <translation>Tasten: Strg+O öffnen · Strg+E exportieren · Bild↓/Bild↑ oder Alt+↓/↑ nächstes/voriges Bild · Strg+Z rückgängig · +/− zoomen · Strg+0 einpassen</translation>
    </message>
    <message>
        <location filename="../about.py" line="139"/>
        <source>Quick guide</source>
        <translation>Kurzanleitung</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../identity_dialog.py" line="26"/>
        <location filename="../identity_dialog.py" line="101"/>
        <source>Signing identity</source>
        <translation>Signatur-Identität</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="32"/>
        <source>Organisation, e.g. Stadt Musterstadt</source>
        <translation>Organisation, z. B. Stadt Musterstadt</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="33"/>
        <source>Create new local identity</source>
        <translation>Neue lokale Identität anlegen</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="40"/>
        <source>A new identity replaces the current one. Files signed before stay valid. To use your organisation&apos;s certificate: kilabel keys import.</source>
        <translation>Eine neue Identität ersetzt die bisherige. Bereits signierte Dateien bleiben gültig. Für das Zertifikat Ihrer Organisation: kilabel keys import.</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="51"/>
        <location filename="../identity_dialog.py" line="73"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="67"/>
        <source>&lt;b&gt;No signing identity yet.&lt;/b&gt; One is created on the first export, or create it here.</source>
        <translation>&lt;b&gt;Noch keine Signatur-Identität.&lt;/b&gt; Sie wird beim ersten Export angelegt – oder legen Sie sie hier an.</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="74"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="75"/>
        <source>Algorithm</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="76"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="77"/>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="78"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
</context>
<context>
    <name>LabelPanel</name>
    <message>
        <location filename="../label_panel.py" line="79"/>
        <location filename="../label_panel.py" line="193"/>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="119"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="162"/>
        <source>all images</source>
        <translation>alle Bilder</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="163"/>
        <source>selected images</source>
        <translation>ausgewählte Bilder</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="285"/>
        <source>Save these settings as a new preset</source>
        <translation>Diese Einstellungen als neue Vorlage speichern</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="83"/>
        <source>Save, import or export presets</source>
        <translation>Vorlagen speichern, importieren oder exportieren</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="88"/>
        <source>Save as new preset …</source>
        <translation>Als neue Vorlage speichern …</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="90"/>
        <source>Import preset …</source>
        <translation>Vorlage importieren …</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="91"/>
        <source>Export preset …</source>
        <translation>Vorlage exportieren …</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="103"/>
        <source>Which wording is drawn on the exported images</source>
        <translation>Welcher Text auf die exportierten Bilder kommt</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="107"/>
        <source>Text height as a share of the image&apos;s short edge (web, same size)</source>
        <translation>Texthöhe als Anteil der kurzen Bildkante (Web, gleiche Größe)</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="111"/>
        <source>Text height in points when the export has a physical size (print)</source>
        <translation>Texthöhe in Punkt, wenn die Ausgabe eine physische Größe hat (Druck)</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="115"/>
        <source>Share of the short edge</source>
        <translation>Anteil an der kurzen Kante</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="116"/>
        <source>Text height in print (pt)</source>
        <translation>Texthöhe im Druck (pt)</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="120"/>
        <source>Fixed colours</source>
        <translation>Feste Farben</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="123"/>
        <source>Automatic: a dark or a light label, whichever stands out from the pixels under it. Fixed: the two colours on the right.</source>
        <translation>Automatisch: eine dunkle oder helle Kennzeichnung, je nachdem, was sich von den Pixeln darunter abhebt. Fest: die beiden Farben rechts.</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="130"/>
        <source>Text colour</source>
        <translation>Textfarbe</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="131"/>
        <source>Box colour</source>
        <translation>Farbe des Felds</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="134"/>
        <source>Box behind the text</source>
        <translation>Feld hinter dem Text</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="137"/>
        <source>Opacity of the box</source>
        <translation>Deckkraft des Felds</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="154"/>
        <source>Along the edge</source>
        <translation>Senkrecht am Rand</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="155"/>
        <source>Run the label upwards along the left or right edge</source>
        <translation>Kennzeichnung senkrecht am linken oder rechten Rand</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="158"/>
        <source>Reset nudge</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="159"/>
        <source>Put the label back exactly on its anchor</source>
        <translation>Kennzeichnung genau an ihren Ankerpunkt zurücksetzen</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="166"/>
        <source>Whether moving the label changes it for every image or only for the selection</source>
        <translation>Ob das Verschieben für alle Bilder gilt oder nur für die Auswahl</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="195"/>
        <source>Text (German)</source>
        <translation>Text (Deutsch)</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="196"/>
        <source>Text (English)</source>
        <translation>Text (Englisch)</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="197"/>
        <source>On the image</source>
        <translation>Auf dem Bild</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="199"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="201"/>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="202"/>
        <source>Box</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="203"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="272"/>
        <source>This preset is locked (locked = true in its file): it can be used but not changed. Position stays free per job.</source>
        <translation>Diese Vorlage ist gesperrt (locked = true in ihrer Datei): sie kann verwendet, aber nicht geändert werden. Die Position bleibt je Auftrag frei.</translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="287"/>
        <source>Locked preset: usable, not changeable.</source>
        <translation>Gesperrte Vorlage: verwendbar, nicht änderbar.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../mainwindow.py" line="195"/>
        <source>Open images</source>
        <translation>Bilder öffnen</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="195"/>
        <source>Images ({0});;All files (*)</source>
        <translation>Bilder ({0});;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="202"/>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="236"/>
        <source>Images ({0})</source>
        <translation>Bilder ({0})</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="338"/>
        <source>Preset: {0}</source>
        <translation>Vorlage: {0}</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="363"/>
        <source>Change {0}</source>
        <translation>{0} ändern</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="387"/>
        <source>Nudge label</source>
        <translation>Kennzeichnung verschieben</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="434"/>
        <source>Open job</source>
        <translation>Auftrag öffnen</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="436"/>
        <location filename="../mainwindow.py" line="475"/>
        <source>kilabel jobs (*.json)</source>
        <translation>kilabel-Aufträge (*.json)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="448"/>
        <source>Cannot open job</source>
        <translation>Auftrag kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="473"/>
        <source>Save job</source>
        <translation>Auftrag speichern</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="486"/>
        <source>Cannot save job</source>
        <translation>Auftrag kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="490"/>
        <source>Job saved: {0}</source>
        <translation>Auftrag gespeichert: {0}</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="559"/>
        <source>Some presets could not be read</source>
        <translation>Einige Vorlagen konnten nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <location filename="../output_panel.py" line="46"/>
        <source>Export profiles</source>
        <translation>Ausgabeprofile</translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="53"/>
        <source>Choose an output folder</source>
        <translation>Zielordner wählen</translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="56"/>
        <source>Choose …</source>
        <translation>Wählen …</translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="64"/>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="65"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="99"/>
        <source>Output folder</source>
        <translation>Zielordner</translation>
    </message>
</context>
<context>
    <name>PdfRelabelDialog</name>
    <message>
        <location filename="../pdf_relabel_view.py" line="62"/>
        <source>Relabel PDF</source>
        <translation>PDF nachkennzeichnen</translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="77"/>
        <source>Reason (recorded in the register)</source>
        <translation>Grund (wird im Register vermerkt)</translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="79"/>
        <source>PDF …</source>
        <translation>PDF …</translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="81"/>
        <source>Output folder …</source>
        <translation>Zielordner …</translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="83"/>
        <source>Relabel</source>
        <translation>Nachkennzeichnen</translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="87"/>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="89"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="105"/>
        <source>PDF to relabel</source>
        <translation>Nachzukennzeichnendes PDF</translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="110"/>
        <source>Output folder</source>
        <translation>Zielordner</translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="116"/>
        <source>Reading %1 …</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="121"/>
        <source>Cannot read this PDF: %1</source>
        <translation>Dieses PDF kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="135"/>
        <source>%1 placed images; tick the AI-generated ones</source>
        <translation>%1 platzierte Bilder; haken Sie die KI-generierten an</translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="151"/>
        <source>Choose a PDF, at least one image and an output folder.</source>
        <translation>Wählen Sie ein PDF, mindestens ein Bild und einen Zielordner.</translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="168"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="171"/>
        <source>Written: %1</source>
        <translation>Geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../preview.py" line="219"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../preview.py" line="220"/>
        <source>Zoom out (−)</source>
        <translation>Verkleinern (−)</translation>
    </message>
    <message>
        <location filename="../preview.py" line="221"/>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <location filename="../preview.py" line="222"/>
        <source>Show the whole image</source>
        <translation>Ganzes Bild zeigen</translation>
    </message>
    <message>
        <location filename="../preview.py" line="230"/>
        <source>Soft proof</source>
        <translation>Softproof</translation>
    </message>
    <message>
        <location filename="../preview.py" line="233"/>
        <location filename="../preview.py" line="309"/>
        <source>Choose a CMYK print profile to see how the print will look</source>
        <translation>Wählen Sie ein CMYK-Druckprofil, um zu sehen, wie der Druck aussehen wird</translation>
    </message>
    <message>
        <location filename="../preview.py" line="238"/>
        <source>Which export profile the preview shows (size, crop, trim)</source>
        <translation>Welches Ausgabeprofil die Vorschau zeigt (Größe, Zuschnitt, Endformat)</translation>
    </message>
    <message>
        <location filename="../preview.py" line="244"/>
        <source>Drag the label to move it · arrow keys nudge it</source>
        <translation>Kennzeichnung ziehen zum Verschieben · Pfeiltasten zum Feinjustieren</translation>
    </message>
    <message>
        <location filename="../preview.py" line="260"/>
        <source>Preview for:</source>
        <translation>Vorschau für:</translation>
    </message>
    <message>
        <location filename="../preview.py" line="307"/>
        <source>Show how the print will look through the profile&apos;s CMYK ICC profile (soft proof)</source>
        <translation>Zeigt, wie der Druck mit dem CMYK-ICC-Profil des Ausgabeprofils aussehen wird (Softproof)</translation>
    </message>
    <message>
        <location filename="../preview.py" line="340"/>
        <source>Loading preview …</source>
        <translation>Vorschau wird geladen …</translation>
    </message>
    <message>
        <location filename="../preview.py" line="382"/>
        <source>Cannot draw the preview: {0}</source>
        <translation>Vorschau kann nicht gezeichnet werden: {0}</translation>
    </message>
    <message>
        <location filename="../preview.py" line="390"/>
        <source>{0} × {1} px</source>
        <translation>{0} × {1} px</translation>
    </message>
</context>
<context>
    <name>ProgressBar</name>
    <message>
        <location filename="../export_controller.py" line="27"/>
        <location filename="../export_controller.py" line="43"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="28"/>
        <source>Show folder</source>
        <translation>Ordner zeigen</translation>
    </message>
</context>
<context>
    <name>ProvenancePanel</name>
    <message>
        <location filename="../provenance_panel.py" line="26"/>
        <source>— please choose —</source>
        <translation>— bitte wählen —</translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="34"/>
        <source>How the image was made (IPTC digital source type)</source>
        <translation>Wie das Bild entstanden ist (IPTC Digital Source Type)</translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="43"/>
        <source>Credit line as printed, e.g. &apos;Bild: KI-generiert (Midjourney)&apos;</source>
        <translation>Bildnachweis wie gedruckt, z. B. „Bild: KI-generiert (Midjourney)“</translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="48"/>
        <source>The text given to the AI system; stored exactly in the file</source>
        <translation>Der Text, der dem KI-System gegeben wurde; wird exakt in der Datei gespeichert</translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="54"/>
        <source>Source type</source>
        <translation>Art der Entstehung</translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="55"/>
        <source>AI system</source>
        <translation>KI-System</translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="56"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="57"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="58"/>
        <source>Prompt by</source>
        <translation>Prompt von</translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="59"/>
        <source>Creator</source>
        <translation>Urheber</translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="60"/>
        <source>Image credit</source>
        <translation>Bildnachweis</translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="77"/>
        <source>(differs)</source>
        <translation>(verschieden)</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../register_view.py" line="79"/>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="84"/>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="84"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="90"/>
        <source>Search file names, prompts, register ids</source>
        <translation>Dateinamen, Prompts, Register-IDs suchen</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="91"/>
        <source>Only current (hide superseded)</source>
        <translation>Nur aktuelle (ersetzte ausblenden)</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="94"/>
        <location filename="../register_view.py" line="259"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="96"/>
        <location filename="../register_view.py" line="253"/>
        <source>AI system</source>
        <translation>KI-System</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="113"/>
        <source>History of this image</source>
        <translation>Verlauf dieses Bilds</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="121"/>
        <source>Public (without operator and file paths)</source>
        <translation>Öffentlich (ohne Bearbeiter und Dateipfade)</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="122"/>
        <source>Find file …</source>
        <translation>Datei suchen …</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="124"/>
        <source>Export CSV …</source>
        <translation>CSV exportieren …</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="125"/>
        <source>Export JSON …</source>
        <translation>JSON exportieren …</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="127"/>
        <source>Image credits …</source>
        <translation>Bildnachweis …</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="169"/>
        <source>(all)</source>
        <translation>(alle)</translation>
    </message>
    <message numerus="yes">
        <location filename="../register_view.py" line="191"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../register_view.py" line="197"/>
        <source>correction of {0}: {1}</source>
        <translation>Korrektur von {0}: {1}</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="197"/>
        <source>no reason given</source>
        <translation>ohne Begründung</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="200"/>
        <source>superseded by {0}</source>
        <translation>ersetzt durch {0}</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="201"/>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="245"/>
        <source>Register id</source>
        <translation>Register-ID</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="246"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="247"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="248"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="249"/>
        <source>Label</source>
        <translation>Kennzeichnung</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="250"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="251"/>
        <source>Export profile</source>
        <translation>Ausgabeprofil</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="252"/>
        <source>Source type</source>
        <translation>Art der Entstehung</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="254"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="255"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="256"/>
        <source>Prompt by</source>
        <translation>Prompt von</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="257"/>
        <source>Creator</source>
        <translation>Urheber</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="258"/>
        <source>Image credit</source>
        <translation>Bildnachweis</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="260"/>
        <source>Client</source>
        <translation>Auftraggeber</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="261"/>
        <source>Signed by</source>
        <translation>Signiert von</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="262"/>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="263"/>
        <source>Exported by</source>
        <translation>Exportiert von</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="264"/>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="272"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="280"/>
        <source>{0}: not in the register</source>
        <translation>{0}: nicht im Register</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="300"/>
        <source>{0} entries written to {1}</source>
        <translation>{0} Einträge nach {1} geschrieben</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="304"/>
        <source>Find a file in the register</source>
        <translation>Datei im Register suchen</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="309"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="309"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="311"/>
        <source>Export the register</source>
        <translation>Register exportieren</translation>
    </message>
    <message>
        <location filename="../register_view.py" line="317"/>
        <source>Cannot write {0}: {1}</source>
        <translation>{0} kann nicht geschrieben werden: {1}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="26"/>
        <location filename="../settings_dialog.py" line="86"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="28"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="39"/>
        <source>one per core</source>
        <translation>einer je Kern</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="46"/>
        <source>none (offline)</source>
        <translation>keiner (offline)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="47"/>
        <source>Fetch manifests stored on the internet when checking files</source>
        <translation>Im Internet hinterlegte Manifeste beim Prüfen abrufen</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="50"/>
        <source>Off: checking files makes no network request; a manifest at a URL is reported as not fetched.</source>
        <translation>Aus: Beim Prüfen wird keine Netzwerkverbindung aufgebaut; ein Manifest unter einer Adresse wird als nicht abgerufen gemeldet.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="55"/>
        <source>Window language</source>
        <translation>Fenstersprache</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="56"/>
        <source>Label language</source>
        <translation>Sprache der Kennzeichnung</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="57"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="58"/>
        <source>Operator</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="59"/>
        <source>Parallel exports</source>
        <translation>Parallele Exporte</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="60"/>
        <source>Largest image</source>
        <translation>Größtes Bild</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="61"/>
        <source>Timestamp server</source>
        <translation>Zeitstempel-Server</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="62"/>
        <source>Remote manifests</source>
        <translation>Entfernte Manifeste</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="63"/>
        <source>A new window language applies at the next start.</source>
        <translation>Eine neue Fenstersprache gilt ab dem nächsten Start.</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../side_panel.py" line="27"/>
        <source>Label</source>
        <translation>Kennzeichnung</translation>
    </message>
    <message>
        <location filename="../side_panel.py" line="29"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../side_panel.py" line="77"/>
        <source>Provenance</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../side_panel.py" line="79"/>
        <source>{0} images selected</source>
        <translation>{0} Bilder ausgewählt</translation>
    </message>
</context>
</TS>
