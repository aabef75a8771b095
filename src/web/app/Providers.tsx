// antd/es/locale: the ESM build. The CJS 'antd/locale/*' re-export reaches the bundle as a namespace
// object, so ConfigProvider silently fell back to English texts ("20 / page").
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createQueryClient } from '../api/query-client';

// System fonts first; the CJK families cover Windows, macOS and Linux (WenQuanYi) desktops.
const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

// The system's "reduce motion" (Windows "show animations" off, macOS "reduce motion"), followed live.
const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
const onReduceMotionChange = (notify: () => void) => {
  reduceMotion?.addEventListener('change', notify);
  return () => reduceMotion?.removeEventListener('change', notify);
};
const prefersReducedMotion = () => reduceMotion?.matches ?? false;

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  // Without motion a dialog is where it will stay from its first frame, so a click cannot land on a
  // dialog still zooming in (the browser tests ask for reduced motion for that reason).
  const motion = !useSyncExternalStore(onReduceMotionChange, prefersReducedMotion);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { fontFamily: FONT_FAMILY, motion } }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
