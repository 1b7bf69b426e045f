import { Flex, Spin } from 'antd';

/** Shown while the app finds out who is signed in, or loads a page's script. */
export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ height: '100%', minHeight: 240 }}>
      <Spin size="large" description="正在加载…" />
    </Flex>
  );
}
