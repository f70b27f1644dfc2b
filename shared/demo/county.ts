/** The county `npm start` enrolls its demo office in, on the demo platform and in the demo app alike. */
export const demoCounty = {
  code: '410823',
  nameZh: '武陟县（演示）',
  nameEn: 'Wuzhi County (demo)',
  officeZh: '武陟县住房和城乡建设局（演示）',
} as const;
