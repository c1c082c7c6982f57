; Vietnamese for the messages electron-builder adds to the NSIS installer. NSIS itself has a
; complete Vietnamese translation of its pages and buttons, but electron-builder ships its own
; messages (templates/nsis/messages.yml and assistedMessages.yml) in English only and uses the
; English text for Vietnamese. The definitions below replace those: they are inside customHeader,
; which installer.nsi inserts after electron-builder's own LangString lines, so they come last and
; win (NSIS warns 6030 "set multiple times", silenced here because it is on purpose and
; electron-builder compiles with warnings as errors).
; scripts/packaging/installer-strings.test.ts checks every message is here and compiles this file
; with makensis -WX. 1066 is Vietnamese. Text is UTF-8 (electron-builder compiles Unicode).
!macro customHeader
  !pragma warning push
  !pragma warning disable 6030
  LangString win7Required 1066 "Cần Windows 7 trở lên."
  LangString x64WinRequired 1066 "Cần Windows bản 64-bit."
  LangString appRunning 1066 "${PRODUCT_NAME} đang chạy.$\r$\nBấm OK để đóng ứng dụng.$\r$\nNếu ứng dụng không tự đóng, hãy tự đóng nó."
  LangString appCannotBeClosed 1066 "Không đóng được ${PRODUCT_NAME}.$\r$\nHãy tự đóng ứng dụng rồi bấm Thử lại để tiếp tục."
  LangString installing 1066 "Đang cài đặt, xin chờ…"
  LangString areYouSureToUninstall 1066 "Bạn có chắc muốn gỡ ${PRODUCT_NAME}? Dữ liệu của hội đồng (thư mục dữ liệu) được giữ lại."
  LangString decompressionFailed 1066 "Không giải nén được các tệp. Hãy chạy lại trình cài đặt."
  LangString uninstallFailed 1066 "Không gỡ được các tệp của bản cũ. Hãy chạy lại trình cài đặt."
  LangString appClosing 1066 "Đang đóng ${PRODUCT_NAME}…"
  LangString chooseInstallationOptions 1066 "Chọn cách cài đặt"
  LangString chooseUninstallationOptions 1066 "Chọn cách gỡ cài đặt"
  LangString whichInstallationShouldBeRemoved 1066 "Gỡ bản cài đặt nào?"
  LangString whoShouldThisApplicationBeInstalledFor 1066 "Cài ứng dụng cho ai?"
  LangString selectUserMode 1066 "Chọn cài cho mọi người dùng máy này hay chỉ cho riêng bạn."
  LangString whichInstallationRemove 1066 "Ứng dụng được cài cả cho mọi người dùng lẫn cho riêng người dùng này.$\r$\nBạn muốn gỡ bản nào?"
  LangString freshInstallForAll 1066 "Cài mới cho mọi người dùng (sẽ hỏi quyền quản trị)."
  LangString freshInstallForCurrent 1066 "Cài mới chỉ cho người dùng hiện tại."
  LangString onlyForMe 1066 "Chỉ cho &tôi"
  LangString forAll 1066 "Mọi người dùng máy tính này (&tất cả)"
  LangString loginWithAdminAccount 1066 "Cần đăng nhập bằng tài khoản thuộc nhóm quản trị để tiếp tục…"
  LangString perUserInstallExists 1066 "Đã có một bản cài cho riêng người dùng."
  LangString perUserInstall 1066 "Có một bản cài cho riêng người dùng."
  LangString perMachineInstallExists 1066 "Đã có một bản cài cho mọi người dùng."
  LangString perMachineInstall 1066 "Có một bản cài cho mọi người dùng."
  LangString reinstallUpgrade 1066 "Sẽ cài lại / nâng cấp."
  LangString uninstall 1066 "Sẽ gỡ cài đặt."
  !pragma warning pop
!macroend
