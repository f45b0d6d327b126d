import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { isPresetDepartment } from "./identity";

/** Preset departments are translated; a department someone typed is shown as typed. */
export function useDepartmentLabel(): (department: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (department) => (isPresetDepartment(department) ? t(`department.${department}`) : department),
    [t],
  );
}
