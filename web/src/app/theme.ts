import type { ThemeConfig } from 'antd';

/** The deep red of the Party's administrative documents and sites. */
export const brandColor = '#a61d24';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: brandColor,
    colorLink: brandColor,
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: { Layout: { headerHeight: 56, bodyBg: '#f4f5f7', siderBg: '#fff' } },
};
