; Inno Setup script for Tahqiq's Windows installer, compiled by scripts/package-bundle:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=dist\tahqiq /DIconFile=resources\icons\tahqiq.ico
;        /DOutputDir=dist /DOutputName=tahqiq-0.1.0-windows-x86_64-setup tahqiq.iss
; Installs for the current user by default (no administrator rights; the wizard offers
; all users), with a Start-menu entry and .tahqiq files opening in Tahqiq. Unsigned.

#ifndef AppVersion
  #error Pass /DAppVersion=..., /DSourceDir=..., /DIconFile=..., /DOutputDir=... and /DOutputName=... (scripts/package-bundle does)
#endif

[Setup]
AppId={{6C1F3B52-9E4A-4D7B-8F21-3A5C7E90B1D4}
AppName=Tahqiq
AppVersion={#AppVersion}
AppVerName=Tahqiq {#AppVersion}
AppPublisher=Tahqiq developers
AppComments=Tag and review the claims in news articles
DefaultDirName={autopf}\Tahqiq
DefaultGroupName=Tahqiq
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\tahqiq.exe
UninstallDisplayName=Tahqiq
OutputDir={#OutputDir}
OutputBaseFilename={#OutputName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Tahqiq"; Filename: "{app}\tahqiq.exe"; Comment: "Tag and review the claims in news articles"
Name: "{autodesktop}\Tahqiq"; Filename: "{app}\tahqiq.exe"; Tasks: desktopicon

[Registry]
; .tahqiq -> Tahqiq.Project, opened by tahqiq.exe "FILE" (HKA: the current user's
; classes, or the machine's when installed for all users).
Root: HKA; Subkey: "Software\Classes\.tahqiq\OpenWithProgids"; ValueType: string; ValueName: "Tahqiq.Project"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Tahqiq.Project"; ValueType: string; ValueName: ""; ValueData: "Tahqiq project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Tahqiq.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\tahqiq.exe,0"
Root: HKA; Subkey: "Software\Classes\Tahqiq.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\tahqiq.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\tahqiq.exe\SupportedTypes"; ValueType: string; ValueName: ".tahqiq"; ValueData: ""; Flags: uninsdeletevalue

[Run]
Filename: "{app}\tahqiq.exe"; Description: "{cm:LaunchProgram,Tahqiq}"; Flags: nowait postinstall skipifsilent
